-- The tutorial: a short but complete ScaleUp scenario.
--
-- Fifteen minutes in a two-person startup, Nimbus, which makes scheduling
-- software for physiotherapy clinics. It uses every feature of the scenario
-- contract, so it doubles as a worked example for authors (see
-- docs/authoring.md): stats, flags, role-only choices, conditions, locked
-- choices, once, a timed decision, random outcomes, text functions, on_enter,
-- act, next functions, a second file pulled in with include, and duet fields;
-- and the judgment fields: choice ids, discuss questions for the room, and
-- game.cause tracing a consequence to the decision that caused it.
--
-- Judgment: no option wins by its length or place. Asking first (calling
-- clinics before writing the goal, asking Jonas for sizes) scores little now
-- and opens a better option later; a choice that scores now comes due later
-- (a guessed goal costs the slack a staged launch needs, everything promised
-- to Dr Okafor takes the staged launch away, no pilot leaves nothing to sell
-- on). Playing for the most points now ends 11 (PO) and 13 (PM) short.
--
-- Duet: each scene has an owner. The PO decides the goal (kickoff) and the
-- backlog, the PM the launch; the first customer and what comes next are
-- decided by both and settled by the owner of the question (settle); the
-- chain's video is talked out in chain_talk, where the PM enters the one
-- answer. Pay is personal: each player has their own pay talk.

scenario {
  id = "tutorial",
  title = "First Sprint",
  summary = "Fifteen minutes at Nimbus, a two-person startup: a vision, a first customer, a "
         .. "backlog, a launch and a pay talk. Learn how ScaleUp plays.",
  authors = { "ScaleUp" },
  version = "1.0.0",
  language = "en",
  minutes = 15,
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
      weights = { vision = 2, roadmap = 2, launch = 1, negotiation = 1 } },
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

  -- In a duet, when the PO and the PM disagree on a scene with no conflict
  -- scene, the owner of the question decides: the first customer's deal is
  -- the PM's (the market), the goal and what comes next the PO's.
  settle = function(game)
    if game.scene == "first_customer" then return "pm" end
    return "po"
  end,
}

scene "kickoff" {
  title = "The Whiteboard",
  phase = "Startup",
  -- The product goal is the PO's (Scrum Guide 2020): in a duet the PO decides.
  by = "po",
  discuss = "Calls first or the goal first: which scored more today, and which paid more by launch week?",
  text = [[
Monday, 8:30. Mara, your co-founder, has filled the whiteboard with
features: online booking, reminders, invoices, a patient app, video calls.
"Investors ask what Nimbus *is*, {player}. I say: everything a clinic needs."

You have {runway} months of money and one developer, Jonas.]],
  choices = {
    { "Call five clinics this week, then write the goal with Mara and Jonas",
      id = "call_first",
      next = "first_customer",
      score = { vision = 1 },
      effects = { morale = 5 },
      set = { "called", "has_goal" },
      feedback = "Evidence before the goal. It costs a week and scores little today, but the goal "
              .. "you write after the calls names a pain clinics really have (no-shows), and the "
              .. "first customer will see that you came to listen. Right whenever nobody has "
              .. "asked a customer yet." },
    { "Pitch the whole whiteboard to investors, and build reminders first",
      id = "whiteboard",
      next = "first_customer",
      score = { negotiation = 1, vision = -1 },
      effects = { trust = 5 },
      set = { "broad_pitch" },
      feedback = "Right when the round is what is at risk and you keep the deck and the backlog "
              .. "apart: investors do buy breadth. The cost comes due when a customer reads the "
              .. "deck and asks for the feature on it, and when the investors ask where it is." },
    { "Write the goal today from Mara's notes and start the booking screen",
      id = "goal_now",
      next = "first_customer",
      score = { vision = 2 },
      set = { "has_goal", "guessed_goal" },
      feedback = "A one-line outcome goal today gives Jonas focus, and that is right when you "
              .. "already know the customer's pain. Here nobody has asked a clinic yet: the goal "
              .. "is a guess, and a guess you build on is expensive: the weeks Jonas spends on a booking "
              .. "screen no clinic asked for are the slack launch week will need." },
  },
}

scene "first_customer" {
  title = "Dr Okafor's Clinic",
  phase = "Startup",
  discuss = "Dr Okafor asked for three features. Which one is a pattern, and how would you know?",
  on_enter = function(game)
    -- Each visit to a prospect costs a little runway: time passing, not a choice.
    game.stats.runway = game.stats.runway - 1
    game.cause("goal_now")
    if game.flags.guessed_goal then
      -- The goal written before the calls named booking; the clinic talks no-shows.
      game.stats.morale = game.stats.morale - 5
    end
  end,
  text = function(game)
    local mood = game.flags.called
      and "She was one of your five calls. She talks about Monday no-shows for twenty minutes."
      or "She listens politely to the booking screen Jonas has started and checks her watch."
    return "Dr Okafor runs a clinic with four physiotherapists. " .. mood .. "\n\n"
      .. "She wants an SMS reminder, a waiting list and \"one button to move a patient\"."
  end,
  choices = {
    { "Interview her and two more clinics before you promise anything",
      id = "interview",
      next = "backlog",
      score = { vision = 1, roadmap = 1 },
      effects = { users = 1 },
      set = { "validated" },
      feedback = "Problem validation before solution: three interviews show which of her asks is "
              .. "a pattern and which is one clinic's habit. Right when you have not yet asked; "
              .. "after five calls, a sixth adds less than a pilot would." },
    { "Promise her all three features by next month to win the signature",
      id = "promise_all",
      next = "backlog",
      score = { launch = 2 },
      effects = { users = 1, morale = -10 },
      set = { "overpromised" },
      feedback = "A first signed clinic is real launch progress, and a startup needs one. But "
              .. "the date came before Jonas estimated, and three features for one clinic is "
              .. "building for the loudest customer: the bill arrives in launch week." },
    { "Offer a free pilot of the reminders for weekly feedback and a reference",
      id = "free_pilot",
      role = "pm",
      when = function(game) return not game.flags.guessed_goal end,
      locked = "Not after showing her a booking screen she does not need",
      next = "backlog",
      score = { negotiation = 2, launch = 1 },
      effects = { users = 1 },
      set = { "validated", "pilot" },
      feedback = "Trading a concession (free use) for what you need (feedback and a reference) "
              .. "turns a first customer into a design partner. It scores less than a signature "
              .. "today; it pays when the big prospect asks for proof." },
    { "Show her the no-show goal from your calls and ask her to pilot it",
      id = "co_design",
      requires = { "called" },
      locked = "Only if you called clinics before writing the goal",
      next = "backlog",
      score = { vision = 3 },
      effects = { users = 1 },
      set = { "validated", "pilot" },
      feedback = "The calls pay off: she recognises her own problem in your goal and signs up to "
              .. "test it. A goal customers recognise is one the team can repeat and a pilot "
              .. "can measure." },
  },
}

include "backlog.lua"


scene "launch_day" {
  title = "Launch Week",
  phase = "Launch",
  by = "pm",
  timer = 60,
  timeout = 3,
  discuss = "Who in the room could not launch in stages, and which earlier choice took it away?",
  on_enter = function(game)
    game.cause("promise_all")
    if game.flags.overpromised then
      -- The promise comes due: Dr Okafor chases it, Jonas worked evenings.
      game.stats.trust = game.stats.trust - 10
      game.stats.morale = game.stats.morale - 5
    end
    game.cause("goal_now")
    if game.flags.guessed_goal then
      -- The weeks on a booking screen nobody asked for were the slack for the fix.
      game.stats.morale = game.stats.morale - 10
    end
    game.cause("say_yes")
    if game.flags.chain_deal then
      -- Video for the chain ate the weeks the bug fix needed.
      game.stats.morale = game.stats.morale - 10
    end
  end,
  text = function(game)
    local promise = game.flags.overpromised
      and "\n\nDr Okafor has emailed twice: where are the waiting list and the one-button "
        .. "move you promised for this month?" or ""
    local clinics = game.stats.users == 1 and "one clinic" or "{users} clinics"
    local found = game.flags.criteria
      and "Jonas's acceptance test for moved appointments caught a bug on Wednesday"
      or "Jonas found a bug this morning"
    return "Friday. Reminders work for " .. clinics .. ". " .. found .. ": two "
      .. "reminders go out when a patient moves an appointment. The launch post is "
      .. "scheduled for noon, and Mara is already on the phone with a journalist."
      .. promise .. "\n\n*Decide before the post goes out.*"
  end,
  choices = {
    { "Launch to the pilot clinics only, fix the bug, then open to everyone",
      id = "staged",
      when = function(game) return not game.flags.overpromised and game.stats.morale >= 50 end,
      locked = "Needs a rested Jonas and no all-at-once promise to a clinic",
      next = function(game)
        if game.role == "pm" and not game.duet then return "pay_talk_pm" end
        return "pay_talk"
      end,
      score = { launch = 3 },
      effects = { users = 4, morale = 5 },
      feedback = "A staged roll-out with a known exit criterion limits the damage of a known "
              .. "bug and still lets you learn from real use. It needs slack: a tired team or a "
              .. "promise of everything at once takes it off the table." },
    { "Launch to everyone at noon, warn clinics of the double SMS, fix it Monday",
      id = "launch_all",
      next = function(game)
        -- Market reaction is uncertain: a double SMS either goes unnoticed or
        -- becomes the story.
        if game.random(1, 100) > 50 then game.flags.bad_press = true end
        -- Pay is personal: solo, the PM has only their own talk; in a duet
        -- the PO talks to Mara first, then the PM.
        if game.role == "pm" and not game.duet then return "pay_talk_pm" end
        return "pay_talk"
      end,
      score = { launch = 1, negotiation = 1 },
      effects = { users = 8, trust = 5 },
      feedback = "Shipping on the date with a known bug, decided openly and told to the "
              .. "clinics, is a defensible bet when the bug is harmless and a staged launch is "
              .. "out of reach. Without a rollback plan it can still become the story." },
    { "Postpone a week and say nothing to the journalist until it is fixed",
      id = "slip_silently",
      next = function(game)
        if game.role == "pm" and not game.duet then return "pay_talk_pm" end
        return "pay_talk"
      end,
      score = { launch = -2, negotiation = -1 },
      effects = { trust = -10 },
      feedback = "Fixing before launch is right; slipping silently is not. Tell the people who "
              .. "depend on the date, with the new date and the reason: silence costs more trust "
              .. "than the slip." },
  },
}

local function pay_text(title)
  return function(game)
    local press = game.flags.bad_press
      and "The double-SMS story went round the physio forums, and two clinics left."
      or "Clinics keep signing up."
    local who = game.duet and ("\n\nMara talks to each of you alone. This one is the "
      .. title .. "'s: the other waits outside.") or ""
    return press .. " Nimbus closes a seed round, and Mara offers you a salary "
      .. "10% under the market rate plus 0.5% in stock options.\n\n"
      .. "You have {users} clinics behind you and an offer from a larger company in your pocket."
      .. who
  end
end

-- The same five answers for each player; next is where the talk leads.
local function pay_choices(next)
  return {
    { "Ask what the 0.5% is of: shares, strike price, vesting and cliff",
      id = "ask_terms",
      next = next,
      score = { negotiation = 3 },
      set = { "asked_terms" },
      act = function(game)
        -- Mara reads the question as taking the equity seriously.
        game.stats.trust = game.stats.trust + 5
      end,
      feedback = "0.5% means nothing until you know of what, at what price and over how long. "
              .. "Asking before countering is the cheapest move in a negotiation, and right "
              .. "whenever equity is a large part of the offer." },
    { "Accept on the spot: you believe in Nimbus and have savings to cover it",
      id = "accept",
      next = next,
      score = { vision = 1, negotiation = -1 },
      effects = { morale = 5 },
      feedback = "Belief plus savings that cover the gap is a fair reason to take equity, and "
              .. "it buys goodwill. But the first offer leaves value on the table and sets your "
              .. "pay below market for years: asking costs nothing." },
    { "Counter at the market salary, with a pay review tied to the no-show goal",
      id = "counter",
      next = next,
      score = { negotiation = 2, vision = 1 },
      feedback = "Anchoring with a researched number and tying a review to the goal trades time "
              .. "for money. Your outside offer is your BATNA: know it, but do not bluff with "
              .. "it. Right when cash matters more to you than the options." },
    { "Point to the 40-clinic chain you brought in and demand 2% equity, or you leave",
      id = "ultimatum",
      locked = "Only if you brought in the chain deal",
      requires = { "chain_deal" },
      next = next,
      score = { negotiation = -1 },
      feedback = "Leverage you can back is real, but an ultimatum ends the talk about "
              .. "interests and starts one about positions, with the person you work for." },
    { "Trade the 10% for a budget to hire a second developer next spring",
      id = "trade_scope",
      next = next,
      score = { negotiation = 2, roadmap = 1 },
      feedback = "Scope is part of a package: trading cash for the capacity your plan needs is "
              .. "trading a concession rather than giving it. Right when the roadmap, not your "
              .. "rent, is what keeps you up at night." },
  }
end

scene "pay_talk" {
  title = "The Pay Talk",
  phase = "Scale",
  by = "po",
  discuss = "Cash or options: what would you need to know about your own savings to answer?",
  on_enter = function(game)
    game.cause("launch_all")
    if game.flags.bad_press then
      -- Two clinics leave over the double SMS.
      game.stats.users = game.stats.users - 2
    end
  end,
  text = pay_text("Product Owner"),
  choices = pay_choices(function(game)
    if game.duet then return "pay_talk_pm" end
    return "wrap_up"
  end),
}

scene "pay_talk_pm" {
  title = "The Pay Talk",
  phase = "Scale",
  by = "pm",
  on_enter = function(game)
    -- In a duet the PO's talk came first and the clinics have already left.
    if game.duet then return end
    game.cause("launch_all")
    if game.flags.bad_press then
      game.stats.users = game.stats.users - 2
    end
  end,
  text = pay_text("Product Manager"),
  choices = pay_choices("wrap_up"),
}

scene "wrap_up" {
  title = "Six Months Later",
  phase = "Scale",
  discuss = "Halve no-shows for the clinics you have, or sign more: when is each the right call?",
  on_enter = function(game)
    game.cause("whiteboard")
    if game.flags.broad_pitch then
      -- The investors who bought the whole whiteboard ask where video and invoices are.
      game.stats.trust = game.stats.trust - 10
    end
  end,
  text = function(game)
    local whose = game.duet and "The option agreements are" or "Your option agreement is"
    local terms = game.flags.asked_terms
      and " " .. whose .. " signed: 0.5% of 2 million shares each, four years' vesting "
        .. "with a one-year cliff, spelled out because someone asked before answering." or ""
    local deck = game.flags.broad_pitch
      and " The investors ask where the patient app and the video calls are." or ""
    return "Nimbus has {users} clinics, {runway} months of runway and a team morale of "
      .. "{morale}." .. terms .. deck .. " Mara asks what comes next."
  end,
  choices = {
    { "Set a quarterly goal: halve no-shows for the clinics you already have first",
      id = "retention_goal",
      next = function(game)
        if game.stats.users >= 5 and game.flags.has_goal then return "scale_up" end
        return "steady"
      end,
      score = { vision = 2, roadmap = 1 },
      feedback = "An outcome goal for the customers you have protects retention before growth. "
              .. "Right when the product still has to prove it works; it delays revenue." },
    { "Price the reminders on the pilot's numbers and sign ten more clinics",
      id = "sell_more",
      requires = { "pilot" },
      locked = "Needs a pilot's numbers to sell on",
      next = function(game)
        if game.stats.morale < 50 then return "burnout" end
        if game.stats.users >= 5 then
          game.flags.sold_on_proof = true
          return "scale_up"
        end
        return "steady"
      end,
      score = { launch = 2, roadmap = 1 },
      feedback = "Growth in the segment that already works, at a price the pilot tested, is the "
              .. "PM's job after a good pilot. Right when the pilot proved the value and the team "
              .. "has the strength to serve ten more clinics." },
    { "Guess a price for the reminders and sign ten more clinics fast",
      id = "sell_guess",
      when = function(game) return not game.flags.pilot end,
      next = function(game)
        if game.stats.morale < 50 then return "burnout" end
        return "steady"
      end,
      score = { launch = 1 },
      feedback = "Revenue now is real, and a startup needs it. But with no pilot there is no "
              .. "number to price or sell on: the price is a guess, the pitch is a promise, and "
              .. "the first customer you skipped a pilot with is why." },
  },
}

ending "scale_up" {
  title = "Ready to Scale",
  verdict = "success",
  text = function(game)
    if game.flags.sold_on_proof then
      return "Nimbus signs its ten clinics on the pilot's numbers and raises its next round on "
        .. "that growth. Mara hires a second product person, and the PO and PM jobs split."
    end
    return "Nimbus halves no-shows for its clinics and raises its next round on that number. "
      .. "Mara hires a second product person, and the PO and PM jobs split."
  end,
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
