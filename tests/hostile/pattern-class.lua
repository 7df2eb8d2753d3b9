scenario { id = "hostile", title = "Hostile", start = "a", dimensions = { { id = "v" } }, roles = { { id = "po" } }, stats = { { id = "n", start = 0 } } }

scene "a" {
  text = "Hi.",
  choices = { { "Go", next = "e", act = function(game) return ("b"):rep(1000):find("[" .. ("a"):rep(100000) .. "b]*c") end } },
}
ending "e" { verdict = "success", text = "Bye." }
-- One repetition, but each step reads a class of 100,000 bytes.
