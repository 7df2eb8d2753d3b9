-- Fixture for tests/unit/test_game.c: the contract's rules, observable.
scenario {
  id = "rules", title = "Rules", start = "a",
  dimensions = { { id = "vision", name = "Vision" }, { id = "roadmap", name = "Roadmap" } },
  roles = {
    { id = "po", name = "Product Owner", weights = { vision = 2 } },
    { id = "pm", name = "Product Manager" },
  },
  stats = {
    { id = "runway", name = "Runway", start = 10, min = 0, max = 20 },
    { id = "seen_in_act", start = 0 },
    { id = "turn_in_act", start = 0 },
    { id = "seen_in_next", start = 0 },
    { id = "visits_in_enter", start = 0 },
    { id = "half", start = 0.5 },
  },
}

-- The order: score, effects, set, unset; turn; act; next; enter (visits,
-- on_enter, text, choices).
scene "a" {
  title = "Start",
  text = "Runway {runway}.",
  choices = {
    { "Go", score = { vision = 2, roadmap = -1 }, effects = { runway = 5 }, set = { "f" },
      act = function(game)
        game.stats.seen_in_act = game.stats.runway
        game.stats.turn_in_act = game.turn
      end,
      next = function(game)
        game.stats.seen_in_next = game.stats.seen_in_act * 10 + (game.flags.f and 1 or 0)
        return "b"
      end,
      feedback = "Runway now {runway}." },
    { "Overflow", effects = { runway = 100 }, next = "b" },
    { "Break", act = function(game) game.stats.runway = 1; game.flags.f = true; error("boom") end,
      score = { vision = 5 }, next = "b" },
    { "Dead end", next = "dead" },
    { "Nowhere", next = function(game) return "no_such_scene" end },
    { "Types", next = "types" },
  },
}

scene "b" {
  title = "B",
  on_enter = function(game) game.stats.visits_in_enter = game.visits.b end,
  text = function(game) return "visits {visits_in_enter}, integer: " .. math.type(game.stats.runway) end,
  choices = {
    { "Again", next = "b", once = true },
    { "PM only", role = "pm", next = "c" },
    { "Needs g", requires = { "g" }, locked = "Needs g first", next = "c" },
    { "Low runway", when = function(game) return game.stats.runway < 5 end, next = "c" },
    { "Hidden", requires = { "g" }, next = "c" },
    { "Set g", act = function(game) game.flags.g = true end, next = "b2" },
    { "Drain", effects = { runway = -100 }, next = "b2" },
  },
}

scene "b2" {
  title = "B2",
  timer = 30, timeout = 2,
  choices = {
    { "Fast", next = "c" },
    { "Slow", next = "c", score = { roadmap = 1 } },
    { "Roll", next = function(game)
        game.stats.seen_in_next = game.random(1, 1000)
        return "c"
      end },
  },
}

scene "dead" {
  title = "Dead",
  choices = { { "Never", requires = { "never_set" }, next = "c" } },
}

scene "types" {
  title = "Types",
  text = "Half is {half}.",
  choices = {
    { "Bad stat", act = function(game) game.stats.cash = 1 end, next = "c" },
    { "Bad value", act = function(game) game.stats.runway = "lots" end, next = "c" },
    { "Bad field", act = function(game) return game.budget end, next = "c" },
    { "Write game", act = function(game) game.turn = 5 end, next = "c" },
    { "Unknown flag reads false", act = function(game)
        if game.flags.never_heard_of then error("should be false") end
        game.flags.made_up = true
      end, next = "c" },
  },
}

ending "c" { title = "C", text = "Runway {runway}, made up: {f}.", verdict = "mixed" }
