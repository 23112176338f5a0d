package main

// A rune holding a quote.
var q = '"'
var k = `new-ui`
var i = "id"
