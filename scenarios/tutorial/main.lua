-- The tutorial: a short but complete ScaleUp scenario.
--
-- Ten minutes in a two-person startup, Nimbus, which makes scheduling
-- software for physiotherapy clinics. It uses every feature of the scenario
-- contract, so it doubles as a worked example for authors (see
-- docs/authoring.md): stats, flags, role-only choices, conditions, locked
-- choices, once, a timed decision, random outcomes, text functions, on_enter,
-- act, next functions, a second file pulled in with include, and duet fields.

scenario {
  id = "tutorial",
  title = "First Sprint",
  summary = "Ten minutes at Nimbus, a two-person startup: a vision, a first customer, a "
         .. "backlog, a launch and a pay talk. Learn how ScaleUp plays.",
  authors = { "ScaleUp" },
  version = "1.0.0",
  language = "en",
  minutes = 10,
  start = "kickoff",
  duet = true,

  dimensions = {
    { id = "vision",      name = "Vision",      about = "Envisioning the product, setting objectives" },
    { id = "roadmap",     name = "Roadmap",     about = "Prioritising work, planning releases" },
    { id = "launch",      name = "Launch",      about = "Going to market, delivering value" },
    { id = "negotiation", name = "Negotiation", about = "Stakeholders, salary, trade-offs" },
  },

  roles = {
    { id = "po", name = "Product Owner",
      brief = [[
You face the team and the backlog. You own the product goal, order the work
and decide what is done enough to ship.]],
      weights = { vision = 2, roadmap = 1, launch = 1, negotiation = 1 } },
    { id = "pm", name = "Product Manager",
      brief = [[
You face the market. You own the roadmap, pricing and the launch, and you
keep the stakeholders aligned behind one product.]],
      weights = { vision = 1, roadmap = 2, launch = 2, negotiation = 1 } },
  },

  stats = {
    { id = "runway", name = "Runway", unit = "months", start = 9, min = 0 },
    { id = "morale", name = "Team morale", start = 60, min = 0, max = 100 },
    { id = "users",  name = "Clinics", start = 0, min = 0 },
    { id = "trust",  name = "Investor trust", start = 50, min = 0, max = 100, hidden = true },
  },

  ratings = {
    { min = 80, label = "Ready to scale" },
    { min = 50, label = "Growing" },
    { min = 0,  label = "Needs coaching" },
  },

  -- In a duet, when the PO and the PM disagree and no conflict scene is
  -- given, the product goal decides: the PO's pick stands on backlog
  -- questions, the PM's on market questions (here: the PO's).
  settle = function(game) return "po" end,
}

scene "kickoff" {
  title = "The Whiteboard",
  phase = "Startup",
  text = [[
Monday, 8:30. Mara, your co-founder, has filled the whiteboard with
features: online booking, reminders, invoices, a patient app, video calls.
"Investors ask what Nimbus *is*, {player}. I say: everything a clinic needs."

You have {runway} months of money and one developer, Jonas.]],
  choices = {
    { "Write a one-line product goal with Mara and Jonas after calling five clinics this week",
      next = "first_customer",
      score = { vision = 3 },
      effects = { morale = 5 },
      set = { "has_goal" },
      feedback = "Evidence before the goal: five calls tell you which clinic pain is real, and "
              .. "the goal you then write together (fewer no-shows) is an outcome the team can repeat." },
    { "Keep the whole whiteboard: a broad vision attracts more investors",
      next = "first_customer",
      score = { vision = -1 },
      effects = { trust = 5 },
      feedback = "Investors may like the breadth today, but a vision that covers everything "
              .. "decides nothing: the backlog becomes a wish list." },
    { "Skip the talk and start building the booking screen",
      next = "first_customer",
      score = { vision = -2, roadmap = 1 },
      effects = { runway = 0, morale = -5 },
      feedback = "Speed matters in a startup, but building before naming the problem means "
              .. "you cannot tell later whether the booking screen worked." },
  },
}

scene "first_customer" {
  title = "Dr Okafor's Clinic",
  phase = "Startup",
  on_enter = function(game)
    -- Each visit to a prospect costs a little runway.
    game.stats.runway = game.stats.runway - 1
  end,
  text = function(game)
    local mood = game.flags.has_goal
      and "You came to listen before the goal is final. She talks about Monday no-shows for twenty minutes."
      or "She listens politely to the list of features and checks her watch."
    return "Dr Okafor runs a clinic with four physiotherapists. " .. mood .. "\n\n"
      .. "She wants an SMS reminder, a waiting list and \"one button to move a patient\"."
  end,
  discuss = "Dr Okafor asked for three features. Which one is a pattern, and how would you know?",
  choices = {
    { "Interview her and two more clinics before promising anything",
      next = "backlog",
      score = { vision = 2, roadmap = 1 },
      effects = { users = 1 },
      set = { "validated" },
      feedback = "Problem validation before solution: three interviews show which of her asks "
              .. "is a pattern and which is one clinic's habit." },
    { "Promise all three features by next month to win her",
      next = "backlog",
      score = { negotiation = -2, roadmap = -1 },
      effects = { users = 1, morale = -10 },
      set = { "overpromised" },
      feedback = "Accepting every request at once is building for the loudest customer, and "
              .. "the date was given before Jonas could estimate it." },
    { "Offer her a free pilot of the reminders only, in exchange for weekly feedback",
      role = "pm",
      next = "backlog",
      score = { negotiation = 3, launch = 1 },
      effects = { users = 1 },
      set = { "validated", "pilot" },
      feedback = "Trading a concession (free use) for something you need (feedback and a "
              .. "reference) is how a PM turns a first customer into a design partner." },
  },
}

include "backlog.lua"

scene "launch_day" {
  title = "Launch Week",
  phase = "Launch",
  by = "pm",
  timer = 60,
  timeout = 3,
  text = function(game)
    local promise = game.flags.overpromised
      and "\n\nDr Okafor has emailed twice: where are the waiting list and the one-button "
        .. "move you promised for this month?" or ""
    local clinics = game.stats.users == 1 and "one clinic" or "{users} clinics"
    return "Friday. Reminders work for " .. clinics .. ". Jonas found a bug: two "
      .. "reminders go out when a patient moves an appointment. The launch post is "
      .. "scheduled for noon, and Mara is already on the phone with a journalist."
      .. promise .. "\n\n*Decide before the post goes out.*"
  end,
  choices = {
    { "Launch to the pilot clinics only, fix the bug, then open to everyone",
      next = "pay_talk",
      score = { launch = 3 },
      effects = { users = 4, morale = 5 },
      feedback = "A staged roll-out with a known exit criterion limits the damage of a known "
              .. "bug and still lets you learn from real use." },
    { "Launch to everyone at noon and fix the bug next week",
      next = function(game)
        -- Market reaction is uncertain: a double SMS either goes unnoticed or
        -- becomes the story.
        if game.random(1, 100) <= 50 then return "pay_talk" end
        game.flags.bad_press = true
        return "pay_talk"
      end,
      score = { launch = -1 },
      effects = { users = 8, trust = 5 },
      feedback = "Shipping on a fixed date with a known quality problem is a bet. If you take "
              .. "it, decide it openly with the team and have a rollback ready." },
    { "Postpone the launch a week without telling the journalist",
      next = "pay_talk",
      score = { launch = -2, negotiation = -1 },
      effects = { trust = -10 },
      feedback = "Slipping silently costs more trust than the slip itself. Tell the people "
              .. "who depend on the date, with the new date and the reason." },
  },
}

scene "pay_talk" {
  title = "The Pay Talk",
  phase = "Scale",
  discuss = "Cash or options: what would you need to know about your own savings to answer?",
  by = "both",
  conflict = "pay_conflict",
  text = function(game)
    local press = game.flags.bad_press
      and "The double-SMS story went round the physio forums, but clinics kept signing up."
      or "Clinics keep signing up."
    return press .. " Nimbus closes a seed round, and Mara offers you a salary "
      .. "10% under the market rate plus 0.5% in stock options.\n\n"
      .. "You have {users} clinics behind you and an offer from a larger company in your pocket."
  end,
  choices = {
    { "Ask about the options first: shares outstanding, strike price, vesting and cliff",
      next = "wrap_up",
      score = { negotiation = 3 },
      set = { "asked_terms" },
      feedback = "0.5% means nothing until you know of what, at what price and over how long. "
              .. "Asking questions before countering is the cheapest move in a negotiation." },
    { "Accept on the spot: you believe in Nimbus",
      next = "wrap_up",
      score = { negotiation = -2 },
      effects = { morale = 5 },
      feedback = "Belief is a good reason to take equity, but accepting the first offer leaves "
              .. "value on the table and sets your pay below market for years." },
    { "Counter with the market rate for the salary and a review date in six months",
      next = "wrap_up",
      score = { negotiation = 2, vision = 1 },
      feedback = "Anchoring with a researched number and adding a review date trades time for "
              .. "money. Your outside offer is your BATNA: know it, but do not bluff with it." },
    { "Point to the 40-clinic chain you brought in and demand 2% equity, or you leave",
      locked = "Only if you brought in the chain deal",
      requires = { "chain_deal" },
      next = "wrap_up",
      score = { negotiation = -1 },
      feedback = "Leverage you can back is real, but an ultimatum ends the talk about "
              .. "interests and starts one about positions, with the person you work for." },
  },
}

scene "pay_conflict" {
  title = "Two Views on Pay",
  phase = "Scale",
  text = [[
The PO and the PM disagree on how to answer Mara. You talk it through: what
matters more to each of you, cash now or a stake in what you build?]],
  choices = {
    { "Agree on one joint answer: market salary, then options with clear terms",
      next = "wrap_up",
      score = { negotiation = 2 },
      effects = { morale = 5 },
      feedback = "Settling a conflict in the open, on interests rather than positions, is "
              .. "what keeps the PO and the PM pulling in one direction." },
    { "Each negotiates alone",
      next = "wrap_up",
      score = { negotiation = -1 },
      effects = { morale = -5 },
      feedback = "Two separate deals from the same founder invite comparisons and resentment." },
  },
}

scene "wrap_up" {
  title = "Six Months Later",
  phase = "Scale",
  discuss = "Halve no-shows for the clinics you have, or sign more: when is each the right call?",
  text = function(game)
    local terms = game.flags.asked_terms
      and " Your option agreement is signed: 0.5% of 2 million shares, four years' vesting "
        .. "with a one-year cliff, because you asked before you answered." or ""
    return "Nimbus has {users} clinics, {runway} months of runway and a team morale of "
      .. "{morale}." .. terms .. " Mara asks what comes next."
  end,
  choices = {
    { "A quarterly goal: halve no-shows for the clinics you have before selling to more",
      next = function(game)
        if game.stats.users >= 5 and game.flags.has_goal then return "scale_up" end
        return "steady"
      end,
      score = { vision = 2, roadmap = 1 },
      feedback = "An outcome goal for the customers you have protects retention before growth." },
    { "Sign as many clinics as possible before the next round",
      next = function(game)
        if game.stats.morale < 50 then return "burnout" end
        return "steady"
      end,
      score = { launch = 1, vision = -1 },
      effects = { users = 5, morale = -10 },
      feedback = "Growth without a goal fills the funnel and empties the team." },
  },
}

ending "scale_up" {
  title = "Ready to Scale",
  verdict = "success",
  text = [[
Nimbus halves no-shows for its clinics and raises its next round on that
number. Mara hires a second product person, and the PO and PM jobs split.]],
}

ending "steady" {
  title = "Steady Growth",
  verdict = "mixed",
  text = [[
Nimbus grows, slowly. The product works, but nobody can say in one
sentence what it is for, and the next round takes twice as long.]],
}

ending "burnout" {
  title = "Running on Empty",
  verdict = "failure",
  text = [[
Jonas resigns in the spring. The clinics you signed stay for a while, but
nobody is left to fix what they report.]],
}
