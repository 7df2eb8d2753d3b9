scenario { id = "hostile", title = "Hostile", start = "a", dimensions = { { id = "v" } }, roles = { { id = "po" } }, stats = { { id = "n", start = 0 } } }

scene "a" {
  text = "Hi.",
  choices = { { "Go", next = "e", act = function(game) xpcall(function() while true do end end, function() while true do end end) end } },
}
ending "e" { verdict = "success", text = "Bye." }
-- Lua runs a message handler where the error is raised: for a limit, inside
-- the count hook, where hooks are off. The handler is not run after a limit.
-- limits: --max-call-ms 600000
