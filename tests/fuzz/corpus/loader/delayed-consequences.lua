-- Recipe: a tempting choice that costs later (docs/authoring.md).
-- Skipping tests scores a little now and raises a hidden stat; two scenes
-- later the debt decides which scene comes next.
scenario {
  id = "delayed-consequences", title = "Delayed Consequences", start = "sprint",
  dimensions = { { id = "roadmap", name = "Roadmap" }, { id = "launch", name = "Launch" } },
  roles = { { id = "po", name = "Product Owner" } },
  stats = {
    { id = "velocity", name = "Velocity", start = 10, min = 0 },
    { id = "debt", name = "Technical debt", start = 0, min = 0, hidden = true },
  },
}
scene "sprint" {
  title = "Sprint Review",
  text = "The demo is tomorrow and the tests are not written.",
  choices = {
    { "Skip the tests to make the demo", next = "release", score = { roadmap = -1 },
      effects = { velocity = 3, debt = 5 },
      feedback = "Faster today, slower later: debt you do not decide on openly grows in the dark." },
    { "Demo less, with tests", next = "release", score = { roadmap = 2 }, effects = { velocity = -1 },
      feedback = "A smaller, done increment keeps the next sprint as fast as this one." },
  },
}
scene "release" {
  title = "Release",
  text = "Velocity {velocity}. Time to ship.",
  choices = {
    { "Ship", score = { launch = 1 },
      next = function(game)
        if game.stats.debt >= 5 then return "outage" end
        return "calm"
      end,
      feedback = "Whether shipping goes well was decided two scenes ago." },
  },
}
ending "outage" { title = "Outage", verdict = "failure", text = "The untested path breaks on Friday night." }
ending "calm" { title = "Calm Release", verdict = "success", text = "Nothing breaks. Nobody notices. Good." }
