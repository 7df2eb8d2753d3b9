-- Recipe: choices that test judgment (docs/authoring.md): ids, the order
-- options are shown in, a question for the room, and a delayed consequence
-- the debrief ties back to the decision that caused it.
scenario {
  id = "judgment", title = "The September Promise", start = "pitch",
  dimensions = { { id = "negotiation", name = "Negotiation" } },
  roles = { { id = "po", name = "Product Owner" } },
  stats = {
    { id = "trust", name = "Stakeholder trust", start = 50, min = 0, max = 100 },
    { id = "weeks", name = "Discovery", unit = "weeks", start = 0 },
  },
}

scene "pitch" {
  title = "The Board Wants a Date",
  text = "The board asks when the new plan ships. Nobody has talked to a customer yet.",
  discuss = "Why did half the room promise a date? Trust was {trust}.",
  choices = {
    { "Promise September", id = "promise_sept", next = "discovery",
      score = { negotiation = -1 }, set = { "promised" },
      feedback = "A date promised before discovery is a guess the board will hold you to." },
    { "Offer a date after four weeks of discovery", id = "date_later", next = "discovery",
      score = { negotiation = 3 },
      feedback = "A date for the date: the board gets a commitment you can keep." },
    { "Say it is too early to tell", id = "too_early", next = "discovery",
      score = { negotiation = 1 },
      feedback = "Honest, but it leaves the board with nothing to plan by." },
  },
}

scene "discovery" {
  title = "How Long to Look",
  text = "How many weeks of discovery do you plan?",
  order = "fixed",                -- a ladder: shown in the order written
  choices = {
    { "One week", id = "one", next = "september", effects = { weeks = 1 },
      score = { negotiation = 1 }, feedback = "Quick, and enough to test the riskiest guess." },
    { "Two weeks", id = "two", next = "september", effects = { weeks = 2 },
      score = { negotiation = 2 }, feedback = "Two weeks covers the key interviews." },
    { "Four weeks", id = "four", next = "september", effects = { weeks = 4 },
      score = { negotiation = 1 }, feedback = "Thorough, but September is now close." },
  },
}

scene "september" {
  title = "September",
  text = "September arrives. Trust is at {trust}.",
  on_enter = function(game)
    game.cause("promise_sept")    -- what changes below is that promise's doing
    if game.flags.promised and game.stats.weeks > 1 then
      game.stats.trust = game.stats.trust - 20
    end
  end,
  choices = {
    { "Show what discovery found", id = "show", next = "review", score = { negotiation = 2 },
      feedback = "Evidence is the best answer to a slipped date." },
    { "Ask for another month", id = "month", next = "review", score = { negotiation = -1 },
      feedback = "A second slip without evidence costs more trust than the first." },
  },
}

ending "review" {
  title = "The Review", verdict = "mixed",
  text = "The board reviews the plan. Trust ends at {trust}.",
}
