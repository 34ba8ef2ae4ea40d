package intake

import (
	"fmt"

	"github.com/robfig/cron/v3"
)

// scheduleParser reads cron expressions with an optional leading seconds
// field and the @every/@hourly descriptors.
var scheduleParser = cron.NewParser(cron.SecondOptional | cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)

// ParseSchedule parses the `schedule:` of the config.
func ParseSchedule(spec string) (cron.Schedule, error) {
	s, err := scheduleParser.Parse(spec)
	if err != nil {
		return nil, fmt.Errorf("parsing schedule: %w", err)
	}
	return s, nil
}
