scenario { id = "hostile", title = "Hostile", start = "a", dimensions = { { id = "v" } }, roles = { { id = "po" } }, stats = { { id = "n", start = 0 } } }

scene "a" {
  text = "Hi.",
  on_enter = function(game) while true do end end,
  choices = { { "Go", next = "e" } },
}
ending "e" { verdict = "success", text = "Bye." }
-- limits: --max-call-ms 600000
