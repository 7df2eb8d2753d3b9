-- Phase 1, Startup: months 1 to 9. One product person does both jobs.
-- The vision, the first users and their requirements, the first hire, the
-- first release and the seed round.

-- Nine months pass between the seed round and the Growth phase; the team
-- grows, so they cost ten months of runway at the new burn: see broke() in
-- main.lua.

scene "kitchen_table" {
  title = "The Kitchen Table",
  phase = "Startup",
  text = [[
Month one. Fieldnote is three people at Priya Raman's kitchen table. Priya,
the CEO, grew up answering the phone for her father's plumbing business.
Tomás Ferreira, her co-founder, is the only engineer. You, {player}, are the
first product person, which for now means every product job there is.

Priya taps her pitch deck. "Picture it: one app for every trade. Scheduling,
quotes, invoices, parts, payroll, and a marketplace where homeowners find a
plumber. Jobsite360 for the little guys."

Tomás doesn't look up from his laptop. "That's five products. I can build one
of them well in about four months. Which one?"

Angel money gives you {runway} months of runway.]],
  choices = {
    { "Spend a week with Priya and Tomás on the problem: which trades hurt most, "
      .. "where, and what \"better\" would look like",
      next = "ride_along",
      score = { vision = 3 },
      effects = { morale = 5 },
      set = { "problem_first" },
      feedback = "Starting from the problem rather than the feature list is what turns a "
              .. "pitch into a vision the team can use. A week of talk costs far less than "
              .. "four months of building the wrong product." },
    { "Keep Priya's deck as the vision: the size of the dream is what raises money",
      next = "ride_along",
      score = { vision = -2 },
      effects = { trust = 10 },
      set = { "broad_vision" },
      feedback = "Angels may like the size of the dream, but a vision that covers everything "
              .. "decides nothing: Tomás still doesn't know what to build on Monday. The trust "
              .. "you gain today is borrowed against focus later." },
    { "Pick invoicing, since Priya's father always hated it, and let Tomás start coding "
      .. "tomorrow",
      next = "ride_along",
      score = { vision = -1, roadmap = 1 },
      set = { "fast_start" },
      feedback = "Speed matters before product-market fit, and the hunch may even be right. "
              .. "But a solution picked from one family story skips validation: you will have "
              .. "code before you know whether invoicing is the pain crews pay to remove." },
  },
}

scene "ride_along" {
  title = "Gary's Fridays",
  phase = "Startup",
  text = function(game)
    local opening = "Gary Doyle runs Doyle & Sons Plumbing: six vans, eleven people, and a "
      .. "whiteboard in the garage covered in job numbers. He is the first contractor who "
      .. "agreed to talk to you."
    if game.flags.fast_start then
      opening = opening .. " Tomás already has an invoice screen running on his phone; "
        .. "Gary squints at it and says nothing."
    elseif game.flags.problem_first then
      opening = opening .. " The week at the kitchen table gave you three questions to ask. "
        .. "Gary answers the first before you finish it."
    end
    return opening .. "\n\n"
      .. "\"I don't need an app,\" Gary says. \"I need my Fridays back. Every Friday I turn "
      .. "my lads' scribbles into invoices. Half of them go out a week late, and a week late "
      .. "gets paid a month late.\"\n\n"
      .. "He hands you a printed list: fourteen things Fieldnote \"should do\", from GPS "
      .. "tracking of the vans to a parts catalogue with his supplier's prices."
  end,
  choices = {
    { "Ride along with Gary's crews for two days, then interview four more contractors",
      next = "objectives",
      score = { vision = 3 },
      effects = { runway = -1 },
      set = { "validated" },
      feedback = "Watching the work beats asking about it: you see the scribbled notes, the "
              .. "lost photos, the invoice written at ten at night. Five firms show which pains "
              .. "are a pattern and which are Gary's habits. It costs a month of runway; "
              .. "skipping it can cost the company." },
    { "Email a survey to 300 contractors from a trade association's list",
      next = "objectives",
      score = { vision = 1 },
      set = { "surveyed" },
      feedback = "A survey is cheap breadth, but it only answers the questions you thought to "
              .. "ask. Before a few real conversations you measure opinions about features, "
              .. "not the job the crews are trying to get done." },
    { "Take Gary's fourteen items as the spec: he is the customer",
      next = "objectives",
      score = { vision = -2, roadmap = -1 },
      effects = { customers = 1, trust = 5 },
      set = { "gary_spec" },
      feedback = "A first customer is gold for discovery and dangerous as a spec writer. "
              .. "Fourteen features from one plumber is building for the loudest customer "
              .. "before you know what the market needs, however good it feels to have him." },
  },
}

scene "objectives" {
  title = "One Page",
  phase = "Startup",
  text = function(game)
    local evidence
    if game.flags.validated then
      evidence = "Five firms later, the pattern is plain: the work gets done on site, the "
        .. "paperwork gets done at night, from memory. At the five firms, the average time "
        .. "from job done to invoice sent is nine days, and one job in twelve is never "
        .. "billed at all."
    elseif game.flags.surveyed then
      evidence = "The survey came back with 61 answers. The top complaint is \"paperwork\" "
        .. "(74%). Which paperwork, and why, the survey doesn't say."
    else
      evidence = "Gary's list is pinned above Tomás's desk. Nobody has talked to a second "
        .. "contractor yet."
    end
    return evidence .. "\n\n"
      .. "Priya has investor meetings in six weeks and wants one page: what Fieldnote is "
      .. "for, and what it will have achieved by month nine."
  end,
  choices = {
    { "\"Crews finish the paperwork before they leave the driveway.\" Objective: cut "
      .. "job-to-invoice time from 9 days to 1 for 20 paying firms by month nine",
      requires = { "validated" },
      locked = "Needs numbers from real crews: ride along first",
      next = "first_hire",
      score = { vision = 3 },
      effects = { morale = 5 },
      set = { "goal_set" },
      feedback = "A vision the team can repeat, and an objective stated as an outcome with a "
              .. "baseline and a target. Every later argument about scope now has a referee: "
              .. "does it cut the nine days?" },
    { "The same vision and objective, plus a revenue hypothesis to test in the pilot: "
      .. "firms pay $29 per technician per month",
      role = "pm",
      requires = { "validated" },
      locked = "Needs numbers from real crews: ride along first",
      next = "first_hire",
      score = { vision = 2, launch = 2 },
      effects = { morale = 5 },
      set = { "goal_set", "revenue_hypothesis" },
      feedback = "Pairing the outcome with a testable business hypothesis is the market half "
              .. "of the job: the pilot will tell you whether crews value the time saved enough "
              .. "to pay for it, before you build a pricing page on a guess." },
    { "Admit the evidence is thin: write the problem down as a hypothesis and test it with "
      .. "five crews before committing",
      when = function(game) return not game.flags.validated end,
      next = "first_hire",
      score = { vision = 2 },
      effects = { runway = -1 },
      set = { "validated" },
      feedback = "Saying \"we don't know yet\" to a CEO before an investor meeting takes "
              .. "nerve, and it is the right call: a month of problem validation now is "
              .. "cheaper than a year of building on a guess." },
    { "\"The operating system for the trades.\" Objective: launch the app with all core "
      .. "features by month six",
      next = "first_hire",
      score = { vision = -1 },
      effects = { trust = 5 },
      feedback = "A slogan and an output. \"Launch by month six\" can be met while no crew "
              .. "saves a minute, and \"core features\" will mean something different to "
              .. "each person who reads it." },
    { "Objective: 10,000 app downloads by month nine",
      next = "first_hire",
      score = { vision = -1, launch = -1 },
      effects = { trust = 5 },
      feedback = "Downloads are a vanity metric: they go up when marketing spends money, "
              .. "not when crews get their Fridays back. Choose a number that moves only "
              .. "when the problem is solved." },
  },
}

scene "first_hire" {
  title = "The First Hire",
  phase = "Startup",
  by = "both",
  text = [[
Priya has found money for one hire: up to $110k a year. Tomás wants a second
engineer. Priya wants a salesperson "to start revenue". You keep thinking of a
plumber squinting at his phone in a basement with no signal, gloves on.

Three candidates are waiting for a final conversation:

Leo Brandt, backend engineer, eight years, sync and offline specialist. Asks
$125k.

Hana Kim, product designer, five years, two of them on an app for
electricians. Asks $115k.

Dev Kapoor, salesperson from a building-supplies firm, knows half the
county's contractors. Asks $115k on target ($85k base plus commission).]],
  choices = {
    { "Hana: the crews' problem lives on a small screen, in gloves, in a basement",
      next = "hire_offer",
      score = { vision = 1, roadmap = 1 },
      set = { "hired_designer" },
      feedback = "Before product-market fit, understanding the user's context is the "
              .. "bottleneck, not typing speed. A designer who has worked with tradespeople "
              .. "shortens every learning loop; the cost is that Tomás stays alone on the code "
              .. "a while longer." },
    { "Leo: offline sync is the hardest engineering problem you have",
      next = "hire_offer",
      score = { roadmap = 1 },
      set = { "hired_engineer" },
      feedback = "A defensible choice: no signal in basements is a real constraint, and Leo "
              .. "removes a technical risk. But more engineering capacity before you know what "
              .. "to build mostly builds the wrong thing faster." },
    { "Dev: revenue proves the business",
      next = "hire_offer",
      score = { vision = -1, launch = -1 },
      effects = { customers = 2 },
      set = { "hired_sales" },
      feedback = "Selling before there is a product that solves the problem burns goodwill "
              .. "with the very contractors you will need later. Revenue is a result of "
              .. "product-market fit, not a way to find it." },
  },
}

local function candidate(game)
  if game.flags.hired_designer then return "Hana", "$115k" end
  if game.flags.hired_engineer then return "Leo", "$125k" end
  return "Dev", "$115k on target ($85k base plus commission)"
end

scene "hire_offer" {
  title = "Making the Offer",
  phase = "Startup",
  text = function(game)
    local name, ask = candidate(game)
    return name .. " asks " .. ask .. ". The budget is $110k.\n\n"
      .. "Priya, on the way out of the room: \"Offer a hundred and see what happens. "
      .. "Everybody negotiates.\" Tomás: \"Or we could just not insult the first person "
      .. "who wants to work here.\"\n\n"
      .. "You have the offer call in ten minutes."
  end,
  choices = {
    { "Ask what matters most to them beyond the number, then offer the full budget, 0.75% "
      .. "in options (four years, one-year cliff) and a pay review at the seed round",
      act = function(game)
        if game.random(1, 100) <= 80 then game.flags.hire_ok = true end
      end,
      next = "hire_result",
      score = { negotiation = 3 },
      effects = { runway = -1 },
      set = { "fair_offer" },
      feedback = "Asking about interests first finds what you can trade: options and a "
              .. "review date cost little cash now and show you value the person. Your first "
              .. "hire will tell the next ten how Fieldnote treats people." },
    { "Open at $95k: anchor low and see if they bite",
      act = function(game)
        if game.random(1, 100) <= 40 then game.flags.hire_ok = true end
      end,
      next = "hire_result",
      score = { negotiation = -1 },
      set = { "lowballed" },
      feedback = "Anchoring low works on a used car, not on the person you will sit beside "
              .. "every day. If they accept, they remember the number; if they walk, you have "
              .. "lost weeks you do not have." },
    { "Pay the full ask to close it today",
      act = function(game)
        if game.random(1, 100) <= 90 then game.flags.hire_ok = true end
      end,
      next = "hire_result",
      score = { negotiation = -1 },
      effects = { runway = -2 },
      feedback = "Speed has value, but paying above budget without asking anything back "
              .. "spends runway you could have kept by trading options or a review date. "
              .. "Concessions should be traded, not given." },
  },
}

scene "hire_result" {
  title = "Day One",
  phase = "Startup",
  text = function(game)
    local name = candidate(game)
    if game.flags.hire_ok then
      local first
      if game.flags.hired_designer then
        first = "She arrives on Monday with a box of index cards and asks to see the crews "
          .. "before she sees the code."
      elseif game.flags.hired_engineer then
        first = "He reads Tomás's sync code on day one and says, politely, \"Interesting.\" "
          .. "Tomás takes it well."
      else
        first = "He has booked twelve demos by lunchtime. Nobody has told him what the "
          .. "product does yet."
      end
      return name .. " said yes. " .. first .. "\n\n"
        .. "The first release is still undefined, and " .. name .. " asks the question every "
        .. "good hire asks in week one: \"What does success look like here?\""
    end
    local what
    if game.flags.lowballed then
      what = name .. " declined by email: \"I'd rather work somewhere that values the "
        .. "craft.\" Priya reads it twice and says nothing."
    else
      what = name .. " accepted, then took a counter-offer from their current employer a "
        .. "week before the start date. It happens; it still stings."
    end
    return what .. "\n\n"
      .. "The runner-up for the role is still interested, and the first release still "
      .. "needs doing. Tomás is already working evenings."
  end,
  choices = {
    { "Start with a ride-along at Doyle & Sons, put the objective on the wall, and give "
      .. "them a piece of the first release to own",
      requires = { "hire_ok" },
      next = "mvp_scope",
      score = { vision = 1, roadmap = 1 },
      effects = { morale = 5 },
      feedback = "Onboarding into the problem, not the task list, is what lets a new hire make "
              .. "good decisions without you. Ownership of a slice turns a pair of hands into "
              .. "a colleague." },
    { "Heads down: no time for onboarding or interviews; everyone works weekends until "
      .. "the release is out",
      next = "mvp_scope",
      score = { roadmap = -1 },
      effects = { morale = -15 },
      feedback = "Heroics buy a few weeks and cost more than they save: nobody explains the "
              .. "goal to anyone, tired people make the mistakes that become next year's tech "
              .. "debt, and the real gap, people who understand the problem, is still there." },
    { "Call the runner-up today with an honest, fair offer in writing, and start them with "
      .. "a ride-along and a slice of the release to own",
      when = function(game) return not game.flags.hire_ok and game.stats.runway >= 3 end,
      next = "mvp_scope",
      score = { vision = 1, roadmap = 1 },
      effects = { runway = -1 },
      set = { "hire_ok", "fair_offer", "runner_up" },
      unset = { "lowballed" },
      feedback = "A second good candidate is your BATNA in hiring: going back quickly, with "
              .. "a fair offer in writing, turns a lost week into a hire. Onboarding them into "
              .. "the problem makes up the time." },
    { "Bring in a low-cost agency for three months",
      when = function(game) return not game.flags.hire_ok end,
      next = "mvp_scope",
      score = { roadmap = -1 },
      effects = { debt = 15, runway = -1 },
      feedback = "An agency adds hands quickly, but code written by people who will be gone in "
              .. "three months, on a product nobody has explained to them, is debt you pay "
              .. "back with interest." },
  },
}

scene "mvp_scope" {
  title = "Version One",
  phase = "Startup",
  by = "po",
  text = function(game)
    local list = game.flags.gary_spec
      and "Gary's fourteen items, which you adopted as the spec,"
      or "Everything on Gary's list and everything Priya has added"
    return "Tomás has estimated. " .. list .. " would take seven months, if nothing "
      .. "surprises him. \"Something always does.\"\n\n"
      .. "You have {runway} months of runway, and the seed round depends on showing real "
      .. "crews using something real."
  end,
  choices = {
    { "MoSCoW it against the objective: job notes, photos, the invoice on site and offline "
      .. "mode are musts; everything else waits",
      next = "pilot",
      score = { roadmap = 3 },
      set = { "mvp_cut" },
      feedback = function(game)
        local gary = game.flags.gary_spec
          and " Gary will miss his GPS tracking: tell him why, in his words about Fridays."
          or ""
        return "MoSCoW is built for a fixed release: anything that doesn't move job-to-invoice "
          .. "time is \"won't have, this time\"." .. gary
      end },
    { "Write the four must-haves as user stories with acceptance criteria, with Tomás "
      .. "and the new hire in the room",
      role = "po",
      next = "pilot",
      score = { roadmap = 3, vision = 1 },
      set = { "mvp_cut", "criteria" },
      feedback = "Cutting scope and agreeing what \"done\" means, together, in one sitting: the "
              .. "people who build and test the stories helped write them, so nobody discovers "
              .. "the real requirement in week six." },
    { "Build the invoice screen alone, put it in Gary's hands in two weeks, and learn from "
      .. "that before deciding the rest",
      next = "pilot",
      score = { roadmap = 1, launch = 2 },
      set = { "thin_slice" },
      feedback = "A thin slice in a real user's hands is the fastest way to learn, and it "
              .. "starts the launch habit early. The cost: the rest of the scope is still "
              .. "undecided, so decide it when the data arrives." },
    { "Build all of it: the customer asked, and a complete product looks serious to investors",
      next = "pilot",
      score = { roadmap = -2 },
      effects = { runway = -3, debt = 15, morale = -5 },
      set = { "build_all" },
      feedback = "Seven months of scope on a twelve-month runway, with no learning until the "
              .. "end. It looks complete; it is a big batch, and big batches hide mistakes "
              .. "until they are expensive." },
  },
}

scene "pilot" {
  title = "The Pilot",
  phase = "Startup",
  on_enter = function(game)
    -- The three pilot firms are customers now, whatever came before.
    if game.stats.customers < 3 then game.stats.customers = 3 end
  end,
  text = function(game)
    local days = "two days"
    if game.flags.build_all then days = "six days" end
    local scope = game.flags.build_all and "The full app, late and heavy,"
      or "The first version"
    if game.flags.criteria then
      scope = "The first version, a week early thanks to the acceptance criteria everyone "
        .. "agreed up front,"
    end
    return "Month seven. " .. scope .. " runs on the phones of eight crews at three firms: "
      .. "Doyle & Sons and two others. Job-to-invoice time at the pilot firms: " .. days
      .. ".\n\n"
      .. "Gary, on the phone: \"The lads like it. It's not my list, mind.\" Then the bad "
      .. "news: when a phone comes back online after a basement job, photos sometimes fail "
      .. "to upload. Three jobs so far. Tomás thinks it is a sync edge case.\n\n"
      .. "Forty more firms have asked to try it."
  end,
  choices = {
    { "Fix the sync bug, take nine of the forty into a beta, and set its exit criterion: "
      .. "same-day invoicing for four weeks, no lost photos. Then open sign-ups",
      next = "seed_pitch",
      score = { launch = 3 },
      effects = { customers = 9, runway = -1 },
      set = { "beta_exit" },
      feedback = "An exit criterion makes \"ready\" a fact instead of a mood, and fixing a "
              .. "data-loss bug before scaling protects the trust you are building. Forty firms "
              .. "wait a month; they will still be there." },
    { "Open sign-ups to all forty now: the bug is rare and momentum matters",
      next = "seed_pitch",
      score = { launch = -2 },
      effects = { customers = 40, debt = 10, trust = 5 },
      set = { "open_early" },
      feedback = "The numbers look great for the investor deck. But losing a plumber's photos "
              .. "loses his proof of work, and 43 firms will hit the bug instead of 3. Growth "
              .. "on a known data-loss bug is borrowed." },
    { "Keep the pilot private and polish for two more months until it's perfect",
      next = "seed_pitch",
      score = { launch = -1 },
      effects = { runway = -2 },
      feedback = "Perfection is not a launch criterion. Two more months of private polish "
              .. "spends runway without learning anything the forty waiting firms could have "
              .. "taught you." },
  },
}

scene "seed_pitch" {
  title = "Northgate",
  phase = "Startup",
  by = "pm",
  text = function(game)
    local q = ""
    if game.flags.broad_vision then
      q = "\"Your deck says operating system for the trades. Your pilot says invoicing. "
        .. "Which company am I buying?\" "
    end
    return "Ruth Adler, partner at Northgate Ventures, has read your one-pager twice. " .. q
      .. "\"I like that it's small,\" she says, and means it as a compliment.\n\n"
      .. "Her offer: $1.5M at a $6M valuation before the money, and a board seat. You have "
      .. "{runway} months of runway and {customers} firms on the app. A second fund, "
      .. "Lakeline, said \"keep us posted\" two weeks ago and has not called since."
  end,
  choices = {
    { "Ask Ruth what she would need to see to go to $2M at $8M, and share the pilot numbers "
      .. "with Lakeline to test your alternative before you counter",
      when = function(game) return game.stats.customers >= 8 end,
      locked = "Needs more than the three pilot firms to show",
      next = function(game) return broke(game, 10, "crunch_growth") or "growth_intro" end,
      score = { negotiation = 3 },
      act = function(game)
        game.flags.seed_closed = true
        if game.random(1, 100) <= 60 then
          game.flags.lakeline_in = true
          game.stats.runway = game.stats.runway + 18
        else
          game.stats.runway = game.stats.runway + 15
        end
      end,
      feedback = "Asking what would move her reveals her interests; a real conversation with "
              .. "Lakeline turns a hope into a BATNA you can name. You counter from evidence, "
              .. "not from nerve, and even if Lakeline stays cool you learned her price." },
    { "Before answering, ask Ruth what the board seat involves and what would make her go "
      .. "further; decide on her answers",
      next = function(game) return broke(game, 10, "crunch_growth") or "growth_intro" end,
      score = { negotiation = 2 },
      effects = { runway = 15 },
      set = { "seed_closed" },
      feedback = "Questions cost nothing and you have no alternative yet: learn her interests "
              .. "and the seat's terms before you say yes." },
    { "Accept on the spot: money in the bank is money in the bank",
      next = function(game) return broke(game, 10, "crunch_growth") or "growth_intro" end,
      score = { negotiation = -1 },
      effects = { runway = 15 },
      set = { "seed_closed" },
      feedback = "Closing fast has real value at seed stage, but accepting the first offer "
              .. "without one question leaves the valuation, and the board seat's terms, "
              .. "wherever Ruth put them." },
    { "Split the difference: counter at $1.75M on $7M",
      next = function(game) return broke(game, 10, "crunch_growth") or "growth_intro" end,
      score = { negotiation = -1 },
      effects = { runway = 16 },
      set = { "seed_closed" },
      feedback = "Splitting the difference by reflex is a concession with a counter's clothes "
              .. "on. It ends well enough, but you never learned what Ruth valued or what "
              .. "your alternative was worth." },
    { "Tell Ruth that Lakeline is about to offer $3M, unless she matches",
      act = function(game)
        if game.random(1, 100) <= 30 then
          game.flags.seed_closed = true
          game.stats.runway = game.stats.runway + 16
        end
      end,
      next = function(game)
        if game.flags.seed_closed then return broke(game, 10, "crunch_growth") or "growth_intro" end
        return "bluff_called"
      end,
      score = { negotiation = -3 },
      set = { "bluffed" },
      feedback = "A bluff you cannot back is a bet with the company's runway. Investors talk "
              .. "to each other, and one phone call from Ruth to Lakeline ends it; this time "
              .. "it may not come, and you will have learned the wrong lesson." },
  },
}

scene "bluff_called" {
  title = "The Bluff",
  phase = "Startup",
  on_enter = function(game)
    game.stats.trust = game.stats.trust - 15
  end,
  text = [[
Ruth calls back the next morning. "I spoke to Lakeline. They're not offering
anything. Take their money if you find it. Good luck."

Priya is pale. "We have {runway} months, {player}. What did you *do*?"

Stakeholder trust is down to {trust}.]],
  choices = {
    { "Call Ruth, own the mistake without excuses, and ask whether she would reopen at "
      .. "her original terms",
      act = function(game)
        if game.random(1, 100) <= 60 then
          game.flags.seed_closed = true
          game.stats.runway = game.stats.runway + 12
        else
          game.flags.bridge_only = true
          game.stats.runway = game.stats.runway + 3
        end
      end,
      next = function(game) return broke(game, 10, "crunch_growth") or "growth_intro" end,
      score = { negotiation = 2 },
      feedback = "Owning a mistake fast is the only way to rebuild trust with an investor: "
              .. "people forgive a bad move more easily than a second story. She may reopen "
              .. "on worse terms; that is the price of the bluff." },
    { "Wait for Lakeline: maybe they'll come through",
      act = function(game)
        if game.random(1, 100) <= 30 then
          game.flags.seed_closed = true
          game.flags.lakeline_in = true
          game.stats.runway = game.stats.runway + 10
        else
          -- The weeks of waiting burn what was left.
          game.stats.runway = 0
        end
      end,
      next = function(game)
        if game.flags.seed_closed then return broke(game, 10, "crunch_growth") or "growth_intro" end
        return "out_of_cash"
      end,
      score = { negotiation = -2 },
      effects = { runway = -2 },
      feedback = "Hoping is not a strategy. Your alternative was never real, and every week "
              .. "spent waiting for it burns the runway you would need for plan B." },
  },
}
