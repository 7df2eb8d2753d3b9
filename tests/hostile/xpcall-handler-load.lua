scenario { id = "hostile", title = "Hostile", start = "a", dimensions = { { id = "v" } }, roles = { { id = "po" } }, stats = { { id = "n", start = 0 } } }
xpcall(function() while true do end end, function() while true do end end)
scene "a" {
  text = "Hi.",
  choices = { { "Go", next = "e" } },
}
ending "e" { verdict = "success", text = "Bye." }
-- The same at load time.
-- limits: --max-call-ms 600000
