package corpus

// titleSubjects are what titles are made of: the subjects of state rules
// and of Party rules. A title is a form around one subject, so the number
// of distinct titles is a small multiple of the number of subjects; with a
// fixed list, a larger library would repeat titles ever more often, and
// same-titled regulations of one issuer become version chains. The
// subjects grow with the library instead, so that a corpus of any size has the
// shape of one of referenceFiles: the same share of repeated titles and
// chains of the same lengths.
type titleSubjects struct {
	state, party []string
}

// referenceFiles is the library size up to which the subject lists are
// used as they are (the bench corpus's size).
const referenceFiles = 3500

// scaled returns the subjects for a library of n documents: up to
// referenceFiles the lists themselves; above, each list once more for
// every further referenceFiles documents, its subjects narrowed by a
// qualifier (食品安全 → 食品安全信息公开).
func scaled(state, party []string, n int) titleSubjects {
	k := (n + referenceFiles - 1) / referenceFiles
	return titleSubjects{
		state: narrowed(state, stateQualifiers, k-1),
		party: narrowed(party, partyQualifiers, k-1),
	}
}

// narrowed returns base followed by base with each of the first extra
// qualifiers appended; once single qualifiers run out, pairs of them.
func narrowed(base, quals []string, extra int) []string {
	out := append([]string(nil), base...)
	for i := 0; i < extra; i++ {
		q := quals[i%len(quals)]
		if j := i / len(quals); j > 0 {
			q += quals[(i+j)%len(quals)]
		}
		for _, s := range base {
			out = append(out, s+q)
		}
	}
	return out
}
