package search

// SmallShards makes Write cut many small shards, so that a small corpus has
// several files of every kind and long posting lists outside the
// dictionary; the returned function restores the sizes.
func SmallShards() func() {
	a, b, c, d, e := inlineMax, dictShardBytes, largeFileBytes, textShardBytes, metaShardBytes
	inlineMax, dictShardBytes, largeFileBytes, textShardBytes, metaShardBytes = 2, 200, 40, 600, 200
	return func() { inlineMax, dictShardBytes, largeFileBytes, textShardBytes, metaShardBytes = a, b, c, d, e }
}

// SpillIn makes Write keep its temporary files in dir; the returned
// function restores the system's temporary folder.
func SpillIn(dir string) func() {
	old := spillDir
	spillDir = dir
	return func() { spillDir = old }
}

// DateDays is dateDays, for the date vectors.
var DateDays = dateDays
