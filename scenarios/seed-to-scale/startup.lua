-- Phase 1, Startup: months 1 to 9. One product person does both jobs.
-- The vision, the first users and their requirements, the first hire, the
-- first release and the seed round. Only the full run has it: the workshop
-- cut starts at Growth with a summary of this year.
--
-- In a duet, most scenes here are decided by the role whose job the
-- decision is (by = "po" or "pm"); the first hire and the one-page objective
-- are decided by both, and their best options differ by role.

scene "kitchen_table" {
  title = "The Kitchen Table",
  phase = "Startup",
  by = "po",
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
    { "Spend a week with Priya and Tomás on the problem first: which trade hurts most, "
      .. "and where",
      id = "problem_week",
      next = "ride_along",
      score = { vision = 3 },
      effects = { morale = 5 },
      set = { "problem_first" },
      feedback = "Starting from the problem rather than the feature list turns a pitch into a "
              .. "vision the team can use. A week of talk costs far less than four months of "
              .. "building the wrong product. It is the right call when, as here, nobody has "
              .. "yet watched a crew work." },
    { "Keep the big deck for the angels, and give Tomás one narrow problem to build for "
      .. "in the meantime",
      id = "two_stories",
      next = "ride_along",
      score = { vision = 1, negotiation = 1 },
      effects = { trust = 10 },
      set = { "broad_vision" },
      feedback = "Two stories for two audiences is common and not wrong: investors fund the "
              .. "size of the market, teams need one problem. The risk is that the stories "
              .. "drift apart and the vision becomes something only the founder knows. Ruth "
              .. "will ask which company she is buying." },
    { "Pick invoicing, the pain Priya grew up with, and let Tomás start coding tomorrow: "
      .. "speed is all a startup has",
      id = "invoice_now",
      next = "ride_along",
      score = { vision = -1, backlog = 1, launch = 1 },
      set = { "fast_start" },
      feedback = "Speed matters before product-market fit, and the hunch may well be right. "
              .. "But a solution picked from one family story skips validation: you will have "
              .. "code before you know whether invoicing is the pain crews pay to remove. Right "
              .. "when the cost of being wrong is a week; here it is four months." },
  },
}

scene "ride_along" {
  title = "Gary's Fridays",
  phase = "Startup",
  by = "po",
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
      .. "tracking of the vans to a parts catalogue with his supplier's prices. \"And I'd "
      .. "pay for the first three,\" he adds."
  end,
  discuss = "Gary offered to pay. Why is a paying first customer both the best and the most dangerous thing a startup can have?",
  choices = {
    { "Ride along with Gary's crews for two days, then interview four more contractors",
      id = "ride_along",
      next = "objectives",
      score = { vision = 3 },
      effects = { runway = -1 },
      set = { "validated" },
      feedback = "Watching the work beats asking about it: you see the scribbled notes, the "
              .. "lost photos, the invoice written at ten at night. Five firms show which pains "
              .. "are a pattern and which are Gary's habits. It costs a month of runway; "
              .. "skipping it can cost the company." },
    { "Survey 300 contractors from a trade association's list, then call the ten who "
      .. "write the most",
      id = "survey",
      next = "objectives",
      score = { vision = 1, launch = 1 },
      set = { "surveyed" },
      feedback = "Cheap breadth plus a few conversations: a fair plan when you cannot get "
              .. "onto a job site. But a survey only answers the questions you thought to ask; "
              .. "you measure opinions about paperwork, not the job the crews are doing." },
    { "Sign Gary as a paying design partner: build his top three items with his crews, "
      .. "for a fee",
      id = "design_partner",
      next = "objectives",
      score = { vision = -1, negotiation = 2 },
      effects = { customers = 1, trust = 5 },
      set = { "gary_spec" },
      feedback = "Design partners are a real practice, and a fee proves the pain is worth "
              .. "money. It is right once you know the problem is shared across firms; before "
              .. "that, you are building for the loudest customer, and his list becomes your "
              .. "roadmap." },
  },
}

scene "objectives" {
  title = "One Page",
  phase = "Startup",
  by = "both",
  text = function(game)
    local evidence
    if game.flags.validated then
      evidence = "Five firms later, the pattern is plain: the work gets done on site, the "
        .. "paperwork gets done at night, from memory. At the five firms, the average time "
        .. "from job done to invoice sent is nine days, and one job in twelve is never "
        .. "billed at all."
    elseif game.flags.surveyed then
      evidence = "The survey came back with 61 answers; the ten calls were livelier. The top "
        .. "complaint is \"paperwork\" (74%). Which paperwork, and why, is still a guess."
    else
      evidence = "Gary's list is pinned above Tomás's desk. Nobody has talked to a second "
        .. "contractor yet."
    end
    return evidence .. "\n\n"
      .. "Priya has investor meetings in six weeks and wants one page: what Fieldnote is "
      .. "for, and what it will have achieved by month nine."
  end,
  choices = {
    { "\"Crews finish the paperwork before they leave the driveway.\" By month nine: 1-day "
      .. "invoices at 20 paying firms",
      id = "outcome",
      requires = { "validated" },
      locked = "Needs numbers from real crews: ride along first",
      next = "first_hire",
      score = { vision = 3 },
      effects = { morale = 5 },
      set = { "goal_set" },
      feedback = "A vision the team can repeat, and an objective stated as an outcome with a "
              .. "baseline and a target. Every later argument about scope now has a referee: "
              .. "does it cut the nine days? At month nine, someone will check." },
    { "The same outcome, plus a price to test in the pilot: firms pay $29 per technician "
      .. "a month",
      id = "outcome_price",
      role = "pm",
      requires = { "validated" },
      locked = "Needs numbers from real crews: ride along first",
      next = "first_hire",
      score = { vision = 2, launch = 2 },
      effects = { morale = 5 },
      set = { "goal_set", "revenue_hypothesis" },
      feedback = "Pairing the outcome with a testable business hypothesis is the market half "
              .. "of the job: the pilot will tell you whether crews value the time saved enough "
              .. "to pay for it. A PO would rightly keep the goal about the crews alone." },
    { "\"Get crews their Fridays back.\" By month nine: 20 firms paying for Fieldnote, "
      .. "whatever they use it for",
      id = "fridays",
      next = "first_hire",
      score = { vision = 1, launch = 1 },
      effects = { trust = 5 },
      feedback = "A memorable promise and a business number investors understand. But paying "
              .. "firms is a result, not the outcome for the crews: it can be met by selling "
              .. "well while invoices still go out a week late." },
    { "Admit the evidence is thin: write the problem down as a hypothesis and test it with "
      .. "five crews first",
      id = "admit_thin",
      when = function(game) return not game.flags.validated end,
      next = "first_hire",
      score = { vision = 2 },
      effects = { runway = -1 },
      set = { "validated" },
      feedback = "Saying \"we don't know yet\" to a CEO before an investor meeting takes "
              .. "nerve, and it is the right call: a month of problem validation now is "
              .. "cheaper than a year of building on a guess." },
    { "\"The operating system for the trades.\" By month six: the app live with all its "
      .. "core features, to show investors we ship",
      id = "os_slogan",
      next = "first_hire",
      score = { vision = -1 },
      effects = { trust = 5 },
      feedback = "A slogan and an output. \"Live by month six\" can be met while no crew "
              .. "saves a minute, and \"core features\" will mean something different to "
              .. "each person who reads it." },
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
  discuss = "Which hire removes the biggest risk right now: not knowing what to build, the app failing in a basement, or nobody buying? Who in the room picked which, and why?",
  choices = {
    { "Hana: the crews' problem lives on a small screen, in gloves, in a basement",
      id = "hana",
      next = "hire_offer",
      score = { vision = 2, backlog = 1 },
      set = { "hired_designer" },
      feedback = "Before product-market fit, understanding the user's context is the "
              .. "bottleneck for a Product Owner: a designer who has worked with tradespeople "
              .. "shortens every learning loop. The cost: Tomás stays alone on the code, and "
              .. "the sync problem stays his." },
    { "Leo: if the app loses a job in a basement, nothing else we build matters",
      id = "leo",
      next = "hire_offer",
      score = { backlog = 1, launch = 2 },
      set = { "hired_engineer" },
      feedback = "The launch risk here is technical: no signal in basements, and a data-loss "
              .. "bug would end the trust you are building. Leo removes it, which is why a "
              .. "PM facing a launch picks him; the cost is slower learning about what to "
              .. "build." },
    { "Dev: revenue proves the business, he already knows half the county's contractors, "
      .. "and he pays for himself",
      id = "dev",
      next = "hire_offer",
      score = { launch = 1, negotiation = 1 },
      effects = { customers = 2 },
      set = { "hired_sales" },
      feedback = "Selling early tests willingness to pay, and Dev's network is real. But "
              .. "most founders sell the first deals themselves: a salesperson before the "
              .. "product solves the problem sells promises, and the contractors remember." },
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
  by = "pm",
  text = function(game)
    local name, ask = candidate(game)
    if game.flags.hire_heard then
      return name .. " asks " .. ask .. ". The budget is $110k.\n\n" .. name .. ", when you "
        .. "asked: \"A say in what we build, and a stake in it. And I'd like to know the "
        .. "number will be looked at again once there's money.\""
    end
    return name .. " asks " .. ask .. ". The budget is $110k.\n\n"
      .. "Priya, on the way out of the room: \"Offer a hundred and see what happens. "
      .. "Everybody negotiates.\" Tomás: \"Or we could just not insult the first person "
      .. "who wants to work here.\"\n\n"
      .. "You have the offer call in ten minutes."
  end,
  choices = {
    { "Ask what matters most to them beyond the number, before you name any figure at "
      .. "all",
      id = "ask_hire",
      once = true,
      next = "hire_offer",
      score = { negotiation = 1 },
      set = { "hire_heard" },
      feedback = "Asking about interests first finds what you can trade. It costs five minutes "
              .. "of the call and tells you whether options, a title or a review date would "
              .. "mean more to this person than the last $5k." },
    { "Offer what they said matters: the full $110k, 0.75% in options and a pay review at "
      .. "the seed",
      id = "fair_offer",
      requires = { "hire_heard" },
      locked = "Needs to know what matters to them: ask first",
      act = function(game)
        if game.random(1, 100) <= 85 then game.flags.hire_ok = true end
      end,
      next = "hire_result",
      score = { negotiation = 3 },
      set = { "fair_offer" },
      feedback = "An offer built on what the person told you: options and a review date cost "
              .. "little cash now and show you value them. Your first hire will tell the next "
              .. "ten how Fieldnote treats people." },
    { "Offer $100k and 1.5% in options: cash is what Fieldnote is short of, not equity",
      id = "equity_heavy",
      act = function(game)
        if game.random(1, 100) <= 70 then game.flags.hire_ok = true end
      end,
      next = "hire_result",
      score = { negotiation = 2 },
      set = { "fair_offer" },
      feedback = "Trading cash for equity is a fair startup offer, and some people prefer "
              .. "it. It is right when the candidate has savings and believes in the outcome; "
              .. "ask first, or you are guessing which kind of person they are." },
    { "Pay the full ask to close it today, and tell Priya you'll find the gap somewhere "
      .. "in next year's hiring budget",
      id = "full_ask",
      act = function(game)
        if game.random(1, 100) <= 95 then game.flags.hire_ok = true end
      end,
      next = "hire_result",
      score = { negotiation = -1 },
      effects = { trust = -5 },
      feedback = "Speed has value, and $10k a year won't sink the company. But you gave a "
              .. "concession without asking anything back, above the budget you were given: "
              .. "Priya now knows your budgets are soft." },
    { "Open at $95k: anchor low, leave yourself room to move up if they push back, and "
      .. "see what the market says",
      id = "lowball",
      act = function(game)
        if game.random(1, 100) <= 40 then game.flags.hire_ok = true end
      end,
      next = "hire_result",
      score = { negotiation = -1 },
      set = { "lowballed" },
      feedback = "Anchoring low works on a used car, not on the person you will sit beside "
              .. "every day. If they accept, they remember the number; if they walk, you have "
              .. "lost weeks you do not have." },
  },
}

scene "hire_result" {
  title = "Day One",
  phase = "Startup",
  by = "po",
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
      .. "them a slice to own",
      id = "onboard_problem",
      requires = { "hire_ok" },
      next = "mvp_scope",
      score = { vision = 1, backlog = 1 },
      effects = { morale = 5 },
      feedback = "Onboarding into the problem, not the task list, is what lets a new hire make "
              .. "good decisions without you. Ownership of a slice turns a pair of hands into "
              .. "a colleague." },
    { "Pair them with Tomás for two weeks on real work: shipping something is the "
      .. "fastest way in",
      id = "onboard_pair",
      requires = { "hire_ok" },
      next = "mvp_scope",
      score = { backlog = 1, launch = 1 },
      effects = { morale = 5 },
      feedback = "Learning by shipping is a good start, and Tomás gets help at once. What it "
              .. "misses is the why: a new hire who has never seen a crew work will make the "
              .. "small decisions Tomás would make, not the ones the crews need." },
    { "Call the runner-up today with an honest, fair offer in writing, and start them "
      .. "with a ride-along",
      id = "runner_up",
      when = function(game) return not game.flags.hire_ok end,
      next = "mvp_scope",
      score = { vision = 1, negotiation = 1 },
      set = { "hire_ok", "fair_offer", "runner_up" },
      unset = { "lowballed" },
      feedback = "A second good candidate is your BATNA in hiring: going back quickly, with "
              .. "a fair offer in writing, turns a lost week into a hire. Onboarding them into "
              .. "the problem makes up the time." },
    { "Bring in a low-cost agency for three months to get the first release out of "
      .. "the door",
      id = "agency",
      when = function(game) return not game.flags.hire_ok end,
      next = "mvp_scope",
      score = { backlog = 1, vision = -1 },
      effects = { debt = 15 },
      feedback = "An agency adds hands quickly, and sometimes that is what a deadline needs. "
              .. "But code written by people who will be gone in three months, on a product "
              .. "nobody has explained to them, is debt you pay back with interest." },
    { "Heads down: no time for onboarding or ride-alongs; everyone works weekends until "
      .. "the first release is out",
      id = "heads_down",
      next = "mvp_scope",
      score = { backlog = -1 },
      effects = { morale = -15 },
      feedback = "Heroics buy a few weeks and cost more than they save: nobody explains the "
              .. "goal to anyone, tired people make the mistakes that become next year's tech "
              .. "debt, and the real gap, people who understand the problem, is still there." },
  },
}

scene "mvp_scope" {
  title = "Version One",
  phase = "Startup",
  by = "po",
  text = function(game)
    local list = game.flags.gary_spec
      and "Gary's three paid items plus the rest of his list"
      or "Everything on Gary's list and everything Priya has added"
    local leo = ""
    if game.flags.hired_engineer and game.flags.hire_ok then
      leo = " Leo has offline mode down to three weeks, if it's in."
    end
    return "Tomás has estimated. " .. list .. " would take seven months, if nothing "
      .. "surprises him. \"Something always does.\"" .. leo .. "\n\n"
      .. "You have {runway} months of runway, and the seed round depends on showing real "
      .. "crews using something real."
  end,
  choices = {
    { "MoSCoW it against the objective: notes, photos, the invoice on site and offline "
      .. "mode are musts; the rest waits",
      id = "moscow",
      next = "pilot",
      score = { backlog = 3 },
      set = { "mvp_cut" },
      feedback = function(game)
        local gary = game.flags.gary_spec
          and " Gary will miss his GPS tracking: tell him why, in his words about Fridays."
          or ""
        return "MoSCoW is built for a fixed release: anything that doesn't move job-to-invoice "
          .. "time is \"won't have, this time\"." .. gary
      end },
    { "Write the four musts as user stories with acceptance criteria, with Tomás and the "
      .. "new hire in the room",
      id = "stories",
      role = "po",
      next = "pilot",
      score = { backlog = 3, vision = 1 },
      set = { "mvp_cut", "criteria" },
      feedback = "Cutting scope and agreeing what \"done\" means, together, in one sitting: the "
              .. "people who build and test the stories helped write them, so nobody discovers "
              .. "the real requirement in week six. This is the PO's craft." },
    { "Put the invoice screen alone in Gary's hands in two weeks, and decide the rest "
      .. "from what you learn",
      id = "thin_slice",
      next = "pilot",
      score = { backlog = 1, launch = 2 },
      set = { "thin_slice" },
      feedback = "A thin slice in a real user's hands is the fastest way to learn, and it "
              .. "starts the launch habit early. The cost: the rest of the scope is still "
              .. "undecided, and offline mode, the hard part, is still untested." },
    { "Build all of it: the customer asked, and a complete product looks serious to "
      .. "investors",
      id = "build_all",
      next = "pilot",
      score = { backlog = -2 },
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
  by = "pm",
  on_enter = function(game)
    -- The three pilot firms are customers now, whatever came before.
    if game.stats.customers < 3 then game.stats.customers = 3 end
    -- How the first version was cut shows in the objective's number.
    if game.flags.build_all then
      game.cause("build_all")
      game.stats.invoice_days = 6
    elseif game.flags.criteria then
      game.stats.invoice_days = 1
    else
      game.stats.invoice_days = 2
    end
  end,
  text = function(game)
    local scope = game.flags.build_all and "The full app, late and heavy,"
      or "The first version"
    if game.flags.criteria then
      scope = "The first version, a week early thanks to the acceptance criteria everyone "
        .. "agreed up front,"
    end
    local bug
    if game.flags.hired_engineer and game.flags.hire_ok then
      bug = "One bug: when a phone comes back online after a basement job, a photo sometimes "
        .. "fails to upload. Leo found the cause in an afternoon: large photos time out on "
        .. "reconnect. \"Fix in two days, if you want it before anyone else joins.\""
    else
      bug = "The bad news: when a phone comes back online after a basement job, photos "
        .. "sometimes fail to upload. Three jobs so far. Tomás thinks it is a sync edge "
        .. "case and can't say how long it will take to find."
    end
    return "Month seven. " .. scope .. " runs on the phones of eight crews at three firms: "
      .. "Doyle & Sons and two others. Job-to-invoice time at the pilot firms: {invoice_days} "
      .. "days.\n\n" .. bug .. "\n\nForty more firms have asked to try it."
  end,
  discuss = "How did hiring (or not hiring) a sync specialist change this decision?",
  choices = {
    { "Fix the sync bug, then a beta with nine of the forty and an exit criterion: four "
      .. "weeks, no lost photo",
      id = "beta_exit",
      next = "seed_pitch",
      score = { launch = 3 },
      effects = { customers = 9, invoice_days = -1 },
      set = { "beta_exit" },
      feedback = "An exit criterion makes \"ready\" a fact instead of a mood, and fixing a "
              .. "data-loss bug before scaling protects the trust you are building. The cost "
              .. "is size: twelve firms at month nine, not twenty." },
    { "Let ten firms in each week, count lost photos daily, and stop the ramp at the "
      .. "first lost job",
      id = "ramp",
      next = "seed_pitch",
      score = { launch = 2 },
      effects = { customers = 20, debt = 5 },
      set = { "ramped" },
      feedback = function(game)
        if game.flags.hired_engineer and game.flags.hire_ok then
          return "With Leo's fix landing this week, a staged ramp is the better launch: the "
            .. "risk is small and known, and you reach twenty firms by month nine."
        end
        return "A staged ramp with a stop rule limits the damage and grows the pilot. With "
          .. "the bug's cause still unknown, the stop rule will trigger; you are betting "
          .. "Tomás finds it first."
      end },
    { "Open sign-ups to all forty now, and warn every firm to keep a paper copy of its "
      .. "photos until the fix lands",
      id = "open_early",
      next = "seed_pitch",
      score = { launch = -1 },
      effects = { customers = 40, debt = 10, trust = 5 },
      set = { "open_early" },
      feedback = "The numbers look great for the investor deck, and the warning is honest. "
              .. "But a plumber's photos are his proof of work, and 43 firms will meet the bug "
              .. "instead of three. Growth on a known data-loss bug is borrowed." },
    { "Keep the pilot private for two more months and polish it until nothing can go "
      .. "wrong in front of the forty",
      id = "polish",
      next = "seed_pitch",
      score = { launch = -1 },
      effects = { runway = -2 },
      feedback = "Perfection is not a launch criterion. Two more months of private polish "
              .. "spends runway without learning anything the forty waiting firms could have "
              .. "taught you." },
  },
}

-- The month-nine objective, checked at the seed pitch.
local function objective_check(game)
  if game.flags.goal_set then
    local met = game.stats.invoice_days <= 1 and game.stats.customers >= 20
    local line = "Your one-pager promised invoices in 1 day, not 9, at 20 paying firms by "
      .. "month nine. It is month nine: {invoice_days} days, at {customers} firms. "
    if met then
      return line .. "Ruth ticks both boxes with her pen. \"You did what you said you'd do.\""
    end
    return line .. "Ruth circles the numbers. \"Close. Tell me what you learned.\""
  end
  return "Your one-pager set no number for month nine. Ruth asks what the pilot proved; "
    .. "you have {customers} firms and anecdotes."
end

scene "seed_pitch" {
  title = "Northgate",
  phase = "Startup",
  by = "pm",
  on_enter = function(game)
    if game.flags.pitch_met then return end
    game.flags.pitch_met = true
    if game.flags.broad_vision then
      -- Two stories, one investor: the deck and the pilot disagree.
      game.cause("two_stories")
      game.stats.trust = game.stats.trust - 10
    end
  end,
  text = function(game)
    local q = ""
    if game.flags.broad_vision then
      q = "\"Your deck says operating system for the trades. Your pilot says invoicing. "
        .. "Which company am I buying?\" "
    end
    local heard = ""
    if game.flags.ruth_heard then
      heard = "\n\nRuth, when you asked: \"For two million I'd want to see twenty firms "
        .. "invoicing the same day. The seat is a monthly call and a vote on the next round. "
        .. "Take the week.\""
    end
    return "Ruth Adler, partner at Northgate Ventures, has read your one-pager twice. " .. q
      .. objective_check(game) .. "\n\n"
      .. "Her offer: $1.5M at a $6M valuation before the money, and a board seat. You have "
      .. "{runway} months of runway. A second fund, Lakeline, said \"keep us posted\" two "
      .. "weeks ago and has not called since." .. heard
  end,
  discuss = "What was your BATNA when Ruth made her offer? What would it have taken to make it a real one?",
  choices = {
    { "Counter from evidence: ask what she'd need for $2M at $8M, and show Lakeline the "
      .. "pilot numbers first",
      id = "test_batna",
      requires = { "ruth_heard" },
      when = function(game) return game.stats.customers >= 8 end,
      locked = "Needs Ruth's interests first, and more than the three pilot firms to show",
      next = "growth_intro",
      score = { negotiation = 3 },
      act = function(game)
        game.flags.seed_closed = true
        local chance = 50
        if game.flags.goal_set and game.stats.invoice_days <= 1 then chance = 70 end
        if game.random(1, 100) <= chance then
          game.flags.lakeline_in = true
          game.stats.runway = game.stats.runway + 18
        else
          game.stats.runway = game.stats.runway + 15
        end
      end,
      feedback = "Asking what would move her reveals her interests; a real conversation with "
              .. "Lakeline turns a hope into a BATNA you can name. You counter from evidence, "
              .. "not from nerve, and even if Lakeline stays cool you learned her price." },
    { "Ask what the board seat involves and what would make her go further, and say "
      .. "you'll answer this week",
      id = "ask_ruth",
      once = true,
      next = "seed_pitch",
      score = { negotiation = 1 },
      set = { "ruth_heard" },
      feedback = "Questions cost nothing and reveal interests: what Ruth needs to see, and "
              .. "what the seat means in practice. It also buys the days you need to test "
              .. "whether Lakeline is real." },
    { "Accept the terms as offered: a fair seed now beats a better one three months and "
      .. "a lot of runway later",
      id = "accept",
      next = "growth_intro",
      score = { negotiation = 1 },
      effects = { runway = 15 },
      set = { "seed_closed" },
      feedback = "$1.5M at $6M is market for a seed with a pilot, and time spent raising is "
              .. "time not spent on the product. Fair. But not one question means the board "
              .. "seat's terms are wherever Ruth put them." },
    { "Split the difference: counter at $1.75M on $7M and see if she meets you",
      id = "split",
      next = "growth_intro",
      score = { negotiation = -1 },
      effects = { runway = 16 },
      set = { "seed_closed" },
      feedback = "Splitting the difference by reflex is a concession with a counter's clothes "
              .. "on. It ends well enough, but you never learned what Ruth valued or what "
              .. "your alternative was worth." },
    { "Tell Ruth that Lakeline is about to offer $3M, and that you need her to match it "
      .. "by the end of the week",
      id = "bluff",
      act = function(game)
        if game.random(1, 100) <= 30 then
          game.flags.seed_closed = true
          game.stats.runway = game.stats.runway + 16
        end
      end,
      next = function(game)
        if game.flags.seed_closed then return "growth_intro" end
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
  by = "pm",
  on_enter = function(game)
    game.cause("bluff")
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
      id = "own_it",
      act = function(game)
        if game.random(1, 100) <= 60 then
          game.flags.seed_closed = true
          game.stats.runway = game.stats.runway + 12
        else
          game.flags.bridge_only = true
          game.stats.runway = game.stats.runway + 4
        end
      end,
      next = "growth_intro",
      score = { negotiation = 2 },
      feedback = "Owning a mistake fast is the only way to rebuild trust with an investor: "
              .. "people forgive a bad move more easily than a second story. She may reopen "
              .. "on worse terms; that is the price of the bluff." },
    { "Ask Priya's angels for a small bridge first, then go back to Ruth with time on "
      .. "your side",
      id = "bridge_first",
      act = function(game)
        game.flags.bridge_only = true
        game.stats.runway = game.stats.runway + 4
      end,
      next = "growth_intro",
      score = { negotiation = 1 },
      feedback = "A bridge from people who already believe in you is a real alternative, "
              .. "and it stops the panic. It is slower than owning the mistake to Ruth, and "
              .. "her door may have closed by the time you knock." },
    { "Wait for Lakeline: they might still come through if the pilot numbers keep growing "
      .. "over the next month",
      id = "wait_lakeline",
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
        if game.flags.seed_closed then return "growth_intro" end
        return "out_of_cash"
      end,
      score = { negotiation = -2 },
      feedback = "Hoping is not a strategy. Your alternative was never real, and every week "
              .. "spent waiting for it burns the runway you would need for plan B." },
  },
}
