playthrough { name = "goal, then pilot", role = "po", seed = 1, choices = { "1", "1" }, expect = { ending = "win", score = { vision = 3, launch = 3 }, stats = { cash = 20 } } }
playthrough { name = "features, then posters", role = "pm", seed = 1, choices = { "Promise", "Put posters" }, expect = { ending = "meh", stats = { cash = 10 } } }
