scenario { id = "hostile", title = "Hostile", start = "a", dimensions = { { id = "v" } }, roles = { { id = "po" } }, stats = { { id = "n", start = 0 } } }

scene "a" {
  text = "Hi.",
  choices = { { "Go", next = "e", act = function(game) while true do end end } },
}
ending "e" { verdict = "success", text = "Bye." }
-- The clock alone: the instruction limit is raised out of its reach.
-- limits: --max-instructions 100000000000
