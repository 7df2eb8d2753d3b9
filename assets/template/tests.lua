-- Playthrough tests: `scaleup test @DIR@` plays each entry and checks its
-- outcome. A choice is its id, or the start of its text (or its number as
-- shown, which changes with the seed: options are shuffled).
playthrough { name = "the textbook PO", role = "po", seed = 1, choices = { "goal", "by_value", "staged" }, expect = { ending = "shipped", verdict = "success", score = { vision = 3, roadmap = 3, launch = 3, negotiation = 0 }, stats = { budget = 90, morale = 70 }, weighted = 12 } }
playthrough { name = "a PM who lists and rushes", role = "pm", seed = 2, choices = { "List every ask", "Do the loudest", "Release to 10%" }, expect = { ending = "shipped", score = { vision = -1, roadmap = -2, launch = 3, negotiation = 0 }, weighted = 1 } }
playthrough { name = "estimates first", role = "po", seed = 3, choices = { "Write one", "Ask the team", "Order by value", "Hold the release" }, expect = { ending = "late", verdict = "mixed", stats = { budget = 80, morale = 60 }, flags = { has_goal = true } } }
