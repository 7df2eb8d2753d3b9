-- The Growth phase of the tutorial: the backlog and a stakeholder pull.
-- Pulled in from main.lua with include "backlog.lua".

scene "backlog" {
  title = "Ordering the Backlog",
  phase = "Growth",
  by = "po",
  discuss = "Reminders or the one-button move Dr Okafor asked for: whose backlog is it?",
  text = [[
Jonas can build one thing well in the next two weeks. On the list: SMS
reminders, a waiting list, invoices, and the "one button to move a
patient" that Dr Okafor asked for.]],
  choices = {
    { "Order by value and effort: reminders first, they cut no-shows fastest",
      next = "sales_call",
      score = { roadmap = 3 },
      effects = { morale = 5 },
      feedback = "Value over effort, tied to the goal, makes the order easy to explain and easy "
              .. "to change when the data says so. It is not WSJF yet: WSJF divides the cost of "
              .. "delay (value, urgency, risk reduced) by the job's size, which Jonas estimates." },
    { "Build a bit of everything so every clinic sees progress",
      next = "sales_call",
      score = { roadmap = -2 },
      effects = { morale = -5 },
      feedback = "Four half-built features deliver no value. Limiting work in progress is "
              .. "how a team of one finishes anything." },
    { "Write acceptance criteria for the reminders with Jonas before he starts",
      role = "po",
      requires = { "validated" },
      once = true,
      next = "backlog",
      score = { roadmap = 2 },
      set = { "criteria" },
      feedback = "Acceptance criteria written with the developer keep design, building and "
              .. "testing in one flow: \"done\" means the same thing to both of you." },
    { "Put invoices first: clinics said they hate their billing tool",
      next = "sales_call",
      locked = "Needs interviews first",
      requires = { "validated" },
      score = { roadmap = 0 },
      feedback = "A real pain, but not the goal you set: invoices do not cut no-shows." },
  },
}

scene "sales_call" {
  title = "The Big Chain",
  phase = "Growth",
  discuss = "Forty clinics want video. What does saying yes cost the clinics you already have?",
  text = function(game)
    local ready = game.flags.criteria and " Thanks to the acceptance criteria, Jonas ships "
      .. "reminders two days early." or ""
    local pilot = game.flags.pilot and "\n\nDr Okafor's pilot data is in: no-shows at her "
      .. "clinic fell from 14% to 9% in three weeks." or ""
    return "A chain of 40 clinics calls. They will sign if Nimbus adds video "
      .. "consultations by launch." .. ready .. pilot
  end,
  choices = {
    { "Say no to video for now, and show them the reminders roadmap",
      next = "launch_day",
      score = { vision = 2, negotiation = 1 },
      effects = { trust = -5 },
      feedback = "Saying no to a good idea that does not serve the goal is the hardest part of "
              .. "owning a vision. Showing what is coming keeps the door open." },
    { "Say yes: 40 clinics would triple Nimbus",
      next = "launch_day",
      score = { vision = -2, roadmap = -1 },
      effects = { users = 3, runway = -2, morale = -10 },
      set = { "chain_deal" },
      feedback = "Building for the largest prospect turns the roadmap into their roadmap. "
              .. "The cost shows up as the features your real goal needed and did not get." },
    { "Make the trade-off visible: video moves reminders out by two months; recommend no, and own it",
      role = "pm",
      next = "launch_day",
      score = { negotiation = 3, roadmap = 1 },
      feedback = "\"If we add this, that moves\" turns a yes-or-no fight into a decision about "
              .. "priorities. The roadmap is the PM's: bring Mara the trade-off and a "
              .. "recommendation, and decide. Handing her the choice hands the CEO your roadmap." },
    { "Offer the chain a paid pilot of reminders at ten clinics",
      when = function(game) return game.stats.users >= 1 end,
      next = "launch_day",
      score = { launch = 2, negotiation = 1 },
      effects = { users = 2, runway = 1 },
      feedback = "A paid pilot tests the price and the fit at once, and keeps your roadmap yours." },
  },
}
