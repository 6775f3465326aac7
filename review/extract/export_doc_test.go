package extract

// ReadDOC exposes readDOC to the tests until Bytes dispatches compound files to it.
var ReadDOC = readDOC
