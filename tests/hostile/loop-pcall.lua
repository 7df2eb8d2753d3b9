scenario { id = "hostile", title = "Hostile", start = "a", dimensions = { { id = "v" } }, roles = { { id = "po" } }, stats = { { id = "n", start = 0 } } }

scene "a" {
  text = "Hi.",
  choices = { { "Go", next = "e", act = function(game) while true do pcall(function() while true do end end) end end } },
}
ending "e" { verdict = "success", text = "Bye." }
-- limits: --max-call-ms 600000
