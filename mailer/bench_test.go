package mailer

import (
	"bytes"
	"fmt"
	"testing"
	"time"
)

// BenchmarkCompose measures composing the two mails most requests cause: a
// reply with a blank letter template attached, and a forward with the
// customer's files and original mail.
func BenchmarkCompose(b *testing.B) {
	body := string(bytes.Repeat([]byte("尊敬的客户：请补充以下材料。Please send the items below.\n"), 40))
	original := []byte("From: chen@hospital.example\r\nSubject: License硬件变更\r\nMessage-ID: <r@hospital.example>\r\n\r\n" +
		string(bytes.Repeat([]byte("授权码：IMC-PLAT-7F3A-92QD-0C5E\r\n"), 200)))
	files := []Attachment{
		{Name: "老服务器License.lic", Data: bytes.Repeat([]byte{0x5a}, 4<<10)},
		{Name: "新服务器主机信息.txt", Data: bytes.Repeat([]byte("host "), 1<<10)},
		{Name: "承诺书(盖章).pdf", Data: bytes.Repeat([]byte{0x25}, 200<<10)},
	}
	for _, c := range []struct {
		name string
		spec Spec
	}{
		{"reply", Spec{To: []string{"chen@hospital.example"}, Subject: "Re: [LX-20261127-0001] License硬件变更", AutoReply: true,
			Attachments: files[2:]}},
		{"forward", Spec{To: []string{"license-engineers@example.test"}, Subject: "[LX-20261127-0001] hardware_change iMC",
			Attachments: files, Originals: [][]byte{original}}},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			s := c.spec
			s.From, s.Body, s.Date, s.Loop = "License Intake <intake@example.test>", body, time.Now(), "intake@example.test"
			for i := 0; b.Loop(); i++ {
				s.MessageID = fmt.Sprintf("bench-%d@example.test", i)
				if _, err := Compose(s, s.AutoReply); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
