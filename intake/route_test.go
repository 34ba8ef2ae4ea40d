package intake

import "testing"

func TestRouteFor(t *testing.T) {
	routes := []Route{
		{Name: "cams", Products: []string{"CAMS"}, To: []string{"cams@example.test"}},
		{Name: "partner", SenderDomains: []string{"partner.example"}, Scenarios: []string{"unbind"}, To: []string{"p@example.test"}},
		{Name: "default", To: []string{"all@example.test"}},
	}
	tests := []struct {
		scenario, product, sender, want string
	}{
		{"hardware_change", "cams", "a@x.example", "cams"},
		{"unbind", "iMC", "b@PARTNER.example", "partner"},
		{"recovery", "iMC", "b@partner.example", "default"},
		{"recovery", "", "c@y.example", "default"},
	}
	for _, tt := range tests {
		if got := routeFor(routes, tt.scenario, tt.product, tt.sender); got == nil || got.Name != tt.want {
			t.Errorf("routeFor(%s, %s, %s) = %v, want %s", tt.scenario, tt.product, tt.sender, got, tt.want)
		}
	}
	if got := routeFor(routes[:2], "recovery", "iMC", "c@y.example"); got != nil {
		t.Errorf("routeFor with no catch-all = %s, want none", got.Name)
	}
}
