package extract

// ReadOFD exposes the OFD reader to the package's external tests, so they read
// OFD bytes directly, whatever name Bytes would dispatch on.
var ReadOFD = readOFD
