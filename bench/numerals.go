package main

import "strings"

// cnDigits are the Chinese digits 零 to 九 as used in article numbers.
var cnDigits = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// cnUnits are the place units of a four-digit group, from the units up.
var cnUnits = []string{"", "十", "百", "千"}

// chineseNumeral writes n (n >= 0) the way Chinese legal texts number
// articles and items: 十一, 一百零一, 二百一十二, 一千零一十, 一万零五.
// A leading 一十 is shortened to 十, as in 第十条 and 第十九条.
func chineseNumeral(n int) string {
	if n == 0 {
		return cnDigits[0]
	}
	var b strings.Builder
	if n >= 10000 {
		b.WriteString(chineseNumeral(n / 10000))
		b.WriteString("万")
		rest := n % 10000
		if rest == 0 {
			return b.String()
		}
		if rest < 1000 {
			b.WriteString(cnDigits[0])
		}
		writeGroup(&b, rest, false)
		return b.String()
	}
	writeGroup(&b, n, true)
	return b.String()
}

// writeGroup writes 1 <= n <= 9999. When leading is true the number
// starts the numeral, so 10–19 are written 十…, not 一十….
func writeGroup(b *strings.Builder, n int, leading bool) {
	digits := [4]int{n % 10, n / 10 % 10, n / 100 % 10, n / 1000}
	started, zero := false, false
	for pos := 3; pos >= 0; pos-- {
		d := digits[pos]
		if d == 0 {
			if started {
				zero = true
			}
			continue
		}
		if zero {
			b.WriteString(cnDigits[0])
			zero = false
		}
		if !(pos == 1 && d == 1 && !started && leading) {
			b.WriteString(cnDigits[d])
		}
		b.WriteString(cnUnits[pos])
		started = true
	}
}

// articleLabel returns "第N条" with N in Chinese numerals.
func articleLabel(n int) string { return "第" + chineseNumeral(n) + "条" }

// itemLabel returns "（N）" with N in Chinese numerals and full-width
// parentheses, the way items inside an article are numbered.
func itemLabel(n int) string { return "（" + chineseNumeral(n) + "）" }
