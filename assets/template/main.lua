-- @TITLE@: a ScaleUp scenario, made with `scaleup new`.
--
-- Play it:   scaleup play @DIR@ --text --role po
-- Check it:  scaleup lint --strict @DIR@   and   scaleup explore @DIR@
-- Test it:   scaleup test @DIR@   (runs the playthroughs in tests.lua)
-- The guide: docs/authoring.md. Every feature of the contract appears below
-- once, with a comment; change the story, keep the shape.

scenario {
  id = "@ID@",                  -- lowercase letters, digits and '-'
  title = "@TITLE@",
  summary = "One quarter in a small product team: set a goal, order the work, ship.",
  authors = { "Your name" },
  version = "0.1.0",
  language = "en",
  minutes = 5,                  -- shown on the title screen
  start = "goal",               -- the first scene

  -- The scored competencies, in display order.
  dimensions = {
    { id = "vision",      name = "Vision",      about = "Envisioning the product, setting objectives" },
    { id = "roadmap",     name = "Roadmap",     about = "Prioritising work, planning releases" },
    { id = "launch",      name = "Launch",      about = "Going to market, delivering value" },
    { id = "negotiation", name = "Negotiation", about = "Stakeholders, salary, trade-offs" },
  },

  -- The player picks one. Weights (default 1) say what "best" means per role.
  roles = {
    { id = "po", name = "Product Owner", brief = "You own the product goal and the backlog.",
      weights = { vision = 2 } },
    { id = "pm", name = "Product Manager", brief = "You own the roadmap, the launch and the market.",
      weights = { roadmap = 2, launch = 2 } },
  },

  -- Numbers the simulation tracks; shown in the HUD unless hidden.
  stats = {
    { id = "budget", name = "Budget", unit = "k€", start = 100, min = 0 },
    { id = "morale", name = "Team morale", start = 60, min = 0, max = 100 },
    { id = "luck",   name = "Luck", start = 0, hidden = true },
  },

  -- The debrief's rating, by percentage of the best total.
  ratings = {
    { min = 75, label = "Strong" },
    { min = 40, label = "Developing" },
    { min = 0,  label = "Needs coaching" },
  },

  -- Duet play: the PO and the PM share the company. When their secret
  -- picks differ and a scene has no conflict scene, settle names whose pick
  -- stands.
  duet = true,
  settle = function(game) return "po" end,

  -- Options are shown in an order drawn from the run's seed, so that the
  -- best one is not always first; order = "fixed" keeps the order written
  -- (here or on one scene, for a ladder like "1 week / 2 weeks / 4 weeks").
  order = "shuffled",
}

include "work.lua"              -- more scenes, from a file beside this one

scene "goal" {
  title = "The Goal",
  phase = "Plan",               -- a free label, shown in the HUD
  -- {name} shows a stat, a dimension's points, a flag (yes/no), {player}
  -- or {role}; *words* are emphasised; a blank line starts a paragraph.
  text = [[
Monday. Your manager wants "a plan for the quarter" by Friday, {player}.
You have {budget}k€ and a team of four.

*What do you put first?*]],
  -- A question for the room, shown after the debrief when coaching is on.
  discuss = "What would have to be true for a list of asks to count as a goal, {player}?",
  choices = {
    { "Write one measurable goal with the whole team",
      id = "goal",                         -- a stable name: tests, results and game.cause use it
      next = "backlog",
      score = { vision = 2 },              -- points per dimension
      effects = { morale = 10 },           -- stat changes, clamped to min/max
      set = { "has_goal" },                -- flags to raise
      feedback = "A goal written with the team, stated as an outcome, is one they can "
              .. "repeat and decide by: the backlog can be ordered against it." },
    { "Pitch a bold three-year vision to the board",
      id = "bold",
      next = "backlog",
      score = { vision = 1, negotiation = 1 },
      feedback = "The board is inspired, and a direction matters; but three years say "
              .. "nothing about this quarter, so the backlog has nothing to be ordered by." },
    { "Promise the release date sales already gave",
      id = "date",
      next = "backlog",
      score = { launch = 1, negotiation = 1 },
      feedback = "Keeping sales' word keeps their trust, but a date is not a goal: it says "
              .. "when, never what for." },
    { "List every ask from stakeholders",
      id = "wishlist",
      next = "backlog",
      score = { vision = -1, negotiation = 1 },
      effects = { morale = -5 },
      feedback = "Listening to stakeholders matters, but a list of asks is not a goal: it "
              .. "decides nothing." },
  },
}

ending "shipped" {
  title = "Shipped",
  verdict = "success",                     -- success, mixed or failure
  text = "The release lands and the goal moves. Morale: {morale}.",
}

ending "late" {
  title = "Late",
  verdict = "mixed",
  text = "The release lands a month late; the goal moves a little.",
}

ending "stalled" {
  title = "Stalled",
  verdict = "failure",
  text = "Nothing ships this quarter. Next quarter starts with an apology.",
}
