scenario { id = "hostile", title = "Hostile", start = "a", dimensions = { { id = "v" } }, roles = { { id = "po" } }, stats = { { id = "n", start = 0 } } }

scene "a" {
  text = "Hi.",
  choices = { { "Go", next = "e", act = function(game) return table.concat({}, "", math.mininteger, math.maxinteger) end } },
}
ending "e" { verdict = "success", text = "Bye." }
-- last - first overflows a signed integer: the span is counted without overflow.
