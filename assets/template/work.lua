-- Scenes pulled in from main.lua with include "work.lua".

scene "backlog" {
  title = "The Backlog",
  phase = "Plan",
  by = "po",                               -- in a duet, the PO decides here
  -- A text can be a function of the game.
  text = function(game)
    if game.flags.has_goal then
      return "The goal is on the wall. Six items compete for the next sprint."
    end
    return "Six items compete for the next sprint, and nothing says which matters."
  end,
  on_enter = function(game)                -- runs each time the scene is entered
    game.stats.budget = game.stats.budget - 10
  end,
  choices = {
    { "Order by value and effort, against the goal",
      id = "by_value",
      requires = { "has_goal" },           -- offered only when these flags are up
      locked = "Needs a goal first",       -- shown disabled, with this reason, otherwise
      next = "launch",
      score = { vision = 1, roadmap = 3 },
      feedback = "Ordering by value and effort against a goal makes the order easy to "
              .. "explain and easy to change." },
    { "Ask the team to estimate every item first",
      id = "estimate",
      once = true,                         -- never offered again after it was taken
      next = "backlog",
      score = { roadmap = 2 },
      effects = { morale = -5 },
      feedback = "Effort is half of value and effort: estimates make the order honest, "
              .. "at the price of a week of the team's patience." },
    { "Start with what customers complain about",
      id = "complaints",
      next = "launch",
      score = { roadmap = 1, launch = 1 },
      feedback = "Complaints are real evidence of pain, but without a goal they pull the "
              .. "sprint in as many directions as there are customers." },
    { "Do the loudest stakeholder's item first, to keep the peace",
      id = "loudest",
      next = "launch",
      score = { roadmap = -2, negotiation = -1 },
      unset = { "has_goal" },              -- flags to lower: the goal no longer decides
      feedback = "The loudest request is not the most valuable one, and the team sees the "
              .. "goal set aside." },
  },
}

scene "launch" {
  title = "Launch Day",
  phase = "Ship",
  by = "both",                             -- in a duet, both pick in secret
  conflict = "launch_talk",                -- and talk it out here when they differ
  timer = 45,                              -- seconds to decide
  timeout = 2,                             -- choice 2 as listed is taken when time runs out
  text = "Release day. A tester found a bug in a rare path. Budget left: {budget}k€.",
  on_enter = function(game)
    -- The changes that follow are consequences of the earlier choice
    -- "wishlist": the debrief lists them under that decision.
    game.cause("wishlist")
    if not game.flags.has_goal then
      game.stats.morale = game.stats.morale - 5  -- nobody can say what the release is for
    end
  end,
  discuss = "Who in the room would have held the release, and what would they need to see?",
  choices = {
    { "Release to 10% of users and watch the metrics",
      id = "staged",
      next = "shipped",
      score = { launch = 3 },
      feedback = "A staged roll-out keeps the date and limits the damage of what you do "
              .. "not know yet." },
    { "Hold the release until the bug is fixed",
      id = "hold",
      next = "late",
      score = { vision = 1, negotiation = 2 },
      effects = { morale = -5 },
      feedback = "Quality first protects what the product promises; say the new date "
              .. "openly, and the market waits a month." },
    { "Ship to everyone and hope the rare path stays rare",
      id = "ship_all",
      role = "pm",                         -- only offered to this role
      when = function(game) return game.stats.morale >= 50 end,  -- a further condition
      act = function(game)                 -- any further effect
        game.stats.luck = game.random(1, 6)  -- the run's seeded generator
      end,
      next = function(game)                -- next can be a function
        if game.stats.luck >= 4 then return "shipped" end
        return "stalled"
      end,
      score = { launch = -2 },
      feedback = "Hope is not a launch plan: choose success metrics and a rollback first." },
  },
}

scene "launch_talk" {
  title = "Two Plans for One Launch",
  phase = "Ship",
  text = "The PO and the PM picked differently. Talk it through: what does the goal need?",
  choices = {
    { "Stage it now, with a date for everyone",
      id = "agree",
      next = "shipped",
      score = { launch = 1, negotiation = 2 },
      feedback = "Settling in the open, on interests, keeps the date and one product goal." },
    { "Hold a week, and tell the users why",
      id = "wait",
      next = "late",
      score = { vision = 1, negotiation = 2 },
      feedback = "Settling in the open, on interests: the product's promise before the "
              .. "date, and the users told." },
    { "Escalate to the manager",
      id = "escalate",
      next = "late",
      score = { negotiation = -1 },
      feedback = "Escalating a trade-off the two of you own costs trust and time." },
  },
}
