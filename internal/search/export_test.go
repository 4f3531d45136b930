package search

// SmallShards makes Write cut many small shards, so that a small corpus has
// several files of every kind and long posting lists outside the
// dictionary; the returned function restores the sizes.
func SmallShards() func() {
	a, b, c, d, e := inlineMax, dictShardBytes, largeFileBytes, textShardBytes, metaShardBytes
	inlineMax, dictShardBytes, largeFileBytes, textShardBytes, metaShardBytes = 2, 200, 40, 600, 200
	return func() { inlineMax, dictShardBytes, largeFileBytes, textShardBytes, metaShardBytes = a, b, c, d, e }
}

// SpillIn makes Write move its posting batches to temporary files in dir
// from the first byte; the returned function restores the defaults.
func SpillIn(dir string) func() {
	oldDir, oldAfter := spillDir, spillAfter
	spillDir, spillAfter = dir, 0
	return func() { spillDir, spillAfter = oldDir, oldAfter }
}
