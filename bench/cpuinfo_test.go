package main

import "testing"

func TestParseCPUInfo(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"processor\t: 0\nvendor_id\t: AuthenticAMD\ncpu family\t: 26\nmodel\t\t: 2\nmodel name\t: AMD EPYC\n\nprocessor\t: 1\nmodel name\t: other\n", "AMD EPYC (family 26, model 2)"},
		{"processor\t: 0\nmodel name\t: Some CPU\n", "Some CPU"},
		{"processor\t: 0\nCPU implementer\t: 0x41\n", ""},
		{"", ""},
	} {
		if got := parseCPUInfo(tc.in); got != tc.want {
			t.Errorf("parseCPUInfo(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
