scenario { id = "hostile", title = "Hostile", start = "a", dimensions = { { id = "v" } }, roles = { { id = "po" } }, stats = { { id = "n", start = 0 } } }

scene "a" {
  text = "Hi.",
  choices = { { "Go", next = "e", feedback = function(game) local i = 0 repeat i = i + 1 until false end } },
}
ending "e" { verdict = "success", text = "Bye." }
-- limits: --max-call-ms 600000
