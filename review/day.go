package review

import (
	"strings"
	"time"
)

// DayLayout is how a day is written wherever a person types one: YYYY-MM-DD.
const DayLayout = time.DateOnly

// ParseDay reads a day a person typed (YYYY-MM-DD, spaces around ignored) as
// midnight local time; empty gives the zero time. what names the field in the
// refusal, e.g. 起始日期.
func ParseDay(what, text string) (time.Time, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return time.Time{}, nil
	}
	t, err := time.ParseInLocation(DayLayout, text, time.Local)
	if err != nil {
		return time.Time{}, Errorf(ErrInvalid, "%s“%s”无效：请按 YYYY-MM-DD 填写，如 2025-03-15", what, text)
	}
	return t, nil
}
