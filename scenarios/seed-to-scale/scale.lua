-- Phase 4, Scale: year four. The company splits the product job. As PO the
-- player owns the Product Goal, the backlog and what ships; as PM the
-- roadmap, the launches, the market and the link between the PO, the
-- stakeholders and the teams. Jordan Reyes takes the other half. The two
-- pull in different directions and must settle it; then the player
-- negotiates their own package and faces the career question.
--
-- Each role has scenes of its own. Solo, the player sees their role's
-- scenes; in a duet both are played, the PO's first.

scene "the_split" {
  title = "Two Jobs",
  phase = "Scale",
  by = "both",
  on_enter = function(game)
    if game.visits.the_split > 1 then return end
    -- The year after the launch: the launch and how it was managed compound.
    local growth = 30
    if game.flags.listened then growth = growth + 30 end
    if game.flags.launch_hit then growth = growth + 20 end
    if game.flags.launch_flop then growth = growth - 20 end
    if game.flags.cheap_price then growth = growth + 10 end
    if game.flags.goal_set then growth = growth + 5 end
    if game.flags.hid_incident then growth = growth - 5 end
    if game.stats.debt >= 40 then growth = growth - 15 end
    game.stats.customers = game.stats.customers + game.stats.customers * growth // 100
    -- ClimaCore is on Teams by now, whichever way it got there.
    if not game.flags.climacore_pilot then game.flags.climacore_contract = true end
    update_revenue(game)
  end,
  text = function(game)
    local climacore = ""
    if game.flags.climacore_lost then
      climacore = " ClimaCore, which walked away two years ago, signed for Teams after the "
        .. "launch and is now the biggest account."
    elseif game.flags.climacore_declined then
      climacore = " ClimaCore, which you turned down two years ago, signed for Teams after the "
        .. "launch and is now the biggest account."
    end
    local head = "Year four. Fieldnote has 70 people, four product teams, {customers} "
      .. "customers and ${revenue}k a month in revenue." .. climacore
      .. " Most customers have moved to Teams. Priya has split your job in two.\n\n"
    local mine
    if game.role == "pm" then
      mine = "You are now the Product Manager for Dispatch: its roadmap, its launches, its "
        .. "market, and the link between its Product Owner, the stakeholders and the two "
        .. "teams. Jordan Reyes, who came up through business analysis and has refined "
        .. "Dispatch's backlog for a year, becomes its Product Owner: the Product Goal, "
        .. "the backlog and what ships."
    else
      mine = "You are now the Product Owner for Dispatch: two teams, fourteen people, its "
        .. "Product Goal, its backlog and what ships. Jordan Reyes, who ran a product line "
        .. "at Jobsite360, joins as its Product Manager: the roadmap, the launches, the "
        .. "market, and the link between you, the stakeholders and the teams."
    end
    return head .. mine .. "\n\n"
      .. "Jordan, over the first coffee, friendly and direct: \"So. When we disagree, who "
      .. "decides?\""
  end,
  choices = {
    { "Write it down together: the one product goal you both serve, who decides what "
      .. "(backlog order: the PO; roadmap themes and launch dates: the PM), and a weekly hour "
      .. "to settle conflicts in the open",
      next = function(game) return po_turn(game) and "po_goal" or "pm_market" end,
      score = { vision = 2, negotiation = 2 },
      effects = { morale = 5 },
      set = { "split_agreement" },
      feedback = "Two jobs serving one product goal, with decision rights written down: the "
              .. "tension between backlog and market becomes a conversation with a referee "
              .. "instead of a turf war. The weekly hour is where it stays healthy." },
    { "Keep it informal: you've always sorted things out as they come",
      next = function(game) return po_turn(game) and "po_goal" or "pm_market" end,
      score = { negotiation = -1 },
      feedback = "Informal worked when you were one person. With two people, four teams and "
              .. "a sales floor, unwritten decision rights get decided by whoever speaks to "
              .. "the engineers first." },
    { "Claim as much ground as you can before Jordan settles in",
      next = function(game) return po_turn(game) and "po_goal" or "pm_market" end,
      score = { negotiation = -2, vision = -1 },
      effects = { morale = -5 },
      set = { "turf_war" },
      feedback = "Grabbing territory makes Jordan a rival instead of a partner, and the teams "
              .. "learn to play you against each other. The product pays for every border "
              .. "skirmish." },
  },
}

scene "po_goal" {
  title = "The Product Goal",
  phase = "Scale",
  by = "po",
  text = [[
Dispatch has a backlog of 380 items and no goal beyond "more". Your first job
as its Product Owner is a Product Goal for the next two quarters.

The data: 62% of new Teams accounts never dispatch a twentieth job. Setting up
technicians takes three hours on average. Dispatchers who get past setup call
the board "the best thing we bought this year".

Hana, pinning up a journey map: "Everyone loves it on day thirty. Most people
never get to day thirty."]],
  choices = {
    { "\"Every new Teams account dispatches its first 20 jobs within a week.\" Then "
      .. "order the backlog so that everything at the top serves it",
      next = "po_refinement",
      score = { vision = 3, roadmap = 1 },
      set = { "product_goal" },
      feedback = "A goal stated as an outcome, grounded in the funnel data, that the team "
              .. "can repeat and test every item against. It will also tell you what to say "
              .. "no to, which is the hard part." },
    { "\"Ship Dispatch 2.0\": the 30 items sales and support collected this year",
      next = "po_refinement",
      score = { vision = -2 },
      feedback = "A release name is an output, not a goal. When Dispatch 2.0 ships, nobody "
              .. "will know whether it worked, and the 62% who stall may still stall." },
    { "Let each team write its own goal, to protect their autonomy",
      next = "po_refinement",
      score = { vision = -1 },
      effects = { morale = 5 },
      feedback = "Autonomy works inside one goal, not instead of it. Two teams with two goals "
              .. "on one product will pull the backlog in two directions, and you own the "
              .. "result." },
  },
}

scene "po_refinement" {
  title = "Refinement, Tuesday",
  phase = "Scale",
  by = "po",
  text = [[
ClimaCore, with 1,100 technicians since it bought two regional chains,
produces a third of Dispatch's support tickets.
Linda Voss has sent three "critical" requirements: bulk reassignment of jobs,
a branch hierarchy, and a nightly export. Your two teams finish about 40
points of work a sprint between them.

Hana: "The onboarding wizard is the thing that would move the goal." Jordan,
by chat: "ClimaCore renews in three months. Just saying."]],
  choices = {
    { "Refine with the teams: split Linda's asks into stories, estimate them, and order "
      .. "by value to the goal and to the renewal; bulk reassign makes the top ten, the rest "
      .. "waits with reasons you share with Jordan",
      next = function(game) return game.duet and "pm_market" or "tug_of_war" end,
      score = { roadmap = 3, vision = 1 },
      feedback = "Refinement with the team turns a customer's list into sized, ordered work, "
              .. "and ordering by value makes the trade-off explicit: the one ask that matters "
              .. "most gets in, and Jordan can explain the rest to Linda." },
    { "Put all three ClimaCore asks at the top: it's the biggest account",
      next = function(game) return game.duet and "pm_market" or "tug_of_war" end,
      score = { roadmap = -2, vision = -1 },
      effects = { trust = 5 },
      feedback = "The biggest account is not the backlog's owner. The goal you just set "
              .. "waits behind a nightly export, and the other thousand customers notice." },
    { "Write detailed specs for the three asks yourself, so the teams don't need to talk "
      .. "to Linda's people",
      next = function(game) return game.duet and "pm_market" or "tug_of_war" end,
      score = { roadmap = -1 },
      effects = { morale = -5 },
      feedback = "Specs written alone are a proxy for conversation. The teams build what "
              .. "you wrote, not what dispatchers need, and nobody can ask why." },
  },
}

scene "pm_market" {
  title = "Where Next?",
  phase = "Scale",
  by = "pm",
  text = [[
Priya wants a growth plan for Dispatch before the Series B. Three directions
are on your desk:

the UK, where Jobsite360 is weak and three inbound leads arrive a week;

enterprise chains like ClimaCore, eight of them in the country, worth $300k to
$700k a year each;

the mid-market you already serve, where 40% of customers still don't use
Teams at all.]],
  choices = {
    { "Score all three on one sheet (market size, win rate, cost to serve, fit with the "
      .. "product) and recommend deepening the mid-market now, the UK next year",
      next = "pm_planning",
      score = { launch = 2, roadmap = 2 },
      set = { "pm_focus" },
      feedback = "The same criteria for every option, with evidence, turns a debate of "
              .. "enthusiasms into a strategy. Selling Teams to the 40% is the cheapest growth "
              .. "you have: they already trust you." },
    { "Go after the eight enterprise chains: one deal is a year of growth",
      next = "pm_planning",
      score = { launch = -1, roadmap = -1 },
      feedback = "Eight prospects, each with its own requirements document: the roadmap "
              .. "would belong to whoever is negotiating. Big deals are a channel, not a "
              .. "strategy." },
    { "Launch in the UK next quarter: a new country shows growth for the Series B",
      next = "pm_planning",
      score = { launch = -1 },
      effects = { runway = -2 },
      feedback = "International expansion before the home segment is saturated doubles the "
              .. "cost of every launch problem you haven't fixed yet. It reads well in a "
              .. "deck." },
  },
}

scene "pm_planning" {
  title = "Quarterly Planning",
  phase = "Scale",
  by = "pm",
  text = [[
Planning week. Sales wants twelve items, support nine, and Priya wants "AI
dispatch" in the Series B deck. Jordan's two teams have capacity for about a
third of it.

Marcus: "Just give me dates. My team sells dates." Support's lead: "We sell
nothing, and we hear everything."]],
  choices = {
    { "Publish an outcome roadmap (now / next / later) with one OKR per team, show every "
      .. "stakeholder what moved and why, and invite challenges before it's final",
      next = "tug_of_war",
      score = { roadmap = 3, negotiation = 2 },
      effects = { trust = 5 },
      feedback = "An outcome roadmap with visible trade-offs gives sales something honest to "
              .. "sell (the problems you will solve, in order) and gives every stakeholder a "
              .. "say before, not after. Marcus won't get dates for \"later\", and shouldn't." },
    { "Give each stakeholder something so nobody leaves unhappy",
      next = "tug_of_war",
      score = { roadmap = -2, negotiation = -1 },
      effects = { morale = -5 },
      feedback = "Everyone gets a slice, nobody gets an outcome. Spreading two teams over "
              .. "everyone's top item is how a roadmap becomes a feature factory." },
    { "Put a date on everything so sales can sell it",
      next = "tug_of_war",
      score = { roadmap = -2 },
      effects = { trust = 10, morale = -5 },
      feedback = "Sales is happy for a quarter. Dates on items nobody has estimated become "
              .. "promises, and promises become the roadmap." },
  },
}

scene "tug_of_war" {
  title = "Tug of War",
  phase = "Scale",
  by = "both",
  conflict = "tug_settle",
  text = function(game)
    local pull
    if game.role == "pm" then
      pull = "Jordan, your Product Owner, wants both teams to stay on onboarding. You have a "
        .. "renewal to save, and a sales floor asking why."
    else
      pull = "Jordan, your Product Manager, wants both teams on ClimaCore's list for six "
        .. "weeks. You want the onboarding work to continue: it is the goal."
    end
    local marcus = "Marcus has already told her \"it's in hand\"."
    if game.flags.deal_desk then
      marcus = "Marcus, to his credit, brought it to the deal review before promising her "
        .. "anything."
    end
    return "ClimaCore renews in eight weeks: $660k a year, " .. climacore_share(game)
      .. "% of revenue. Linda wants bulk reassignment and the branch hierarchy before she "
      .. "signs. " .. marcus .. "\n\n"
      .. "Meanwhile 62% of new Teams accounts stall before their twentieth job, and that "
      .. "number decides next year's growth.\n\n" .. pull
  end,
  choices = {
    { "Put both on one page as cost of delay: revenue at risk at ClimaCore against revenue "
      .. "lost to the stall. Sequence it: one team on bulk reassign for four weeks, one on "
      .. "onboarding; the hierarchy after",
      next = function(game) return po_turn(game) and "po_review" or "pm_renewal" end,
      score = { roadmap = 3, negotiation = 2 },
      set = { "aligned" },
      feedback = "Cost of delay gives both pulls a common unit, so the answer stops being "
              .. "about whose job wins. Sequencing is a trade-off both of you can defend to "
              .. "Priya and to Linda." },
    { "Book two hours with Jordan and a whiteboard before anyone decides",
      next = "tug_settle",
      score = { negotiation = 1 },
      feedback = "Talking before deciding, in private and with the data, is how two product "
              .. "people disagree without the teams feeling the rope." },
    { "Back the renewal: both teams on ClimaCore for six weeks",
      next = function(game) return po_turn(game) and "po_review" or "pm_renewal" end,
      score = { roadmap = -1, vision = -1 },
      effects = { trust = 10 },
      feedback = "It saves the renewal, probably. It also stops the work on the problem that "
              .. "decides next year, for one customer's list, and tells the teams the goal "
              .. "bends to whoever shouts." },
    { "Back onboarding: ClimaCore can wait for the next release",
      next = function(game) return po_turn(game) and "po_review" or "pm_renewal" end,
      score = { vision = 1, negotiation = -2 },
      effects = { trust = -10 },
      set = { "climacore_risk" },
      feedback = "Right about the goal, wrong about the method: the revenue at risk is a "
              .. "cost of delay too, and ignoring it makes Jordan and Marcus fight you "
              .. "instead of the problem." },
  },
}

scene "tug_settle" {
  title = "Talking It Out",
  phase = "Scale",
  text = function(game)
    local duet = ""
    if game.duet then
      duet = "The Product Owner and the Product Manager picked differently. "
    end
    local tone = "Jordan is calm and has done the homework."
    if game.flags.turf_war then
      tone = "Jordan is polite and guarded: the turf you claimed in the first month is "
        .. "still between you."
    elseif game.flags.split_agreement then
      tone = "It is your weekly hour, the one you wrote into your agreement. Jordan brought "
        .. "coffee."
    end
    return duet .. "A closed door and a whiteboard. " .. tone .. "\n\n"
      .. "Jordan lays out the renewal: $660k, " .. climacore_share(game) .. "% of revenue, "
      .. "and a reference customer for "
      .. "every enterprise deal. You lay out the funnel: six in ten new accounts stall "
      .. "before their twentieth job, every quarter. Both numbers are true."
  end,
  choices = {
    { "Go back to the goal you share and let cost of delay decide the sequence; take one "
      .. "plan to Priya and defend it together, disagree-and-commit on what's left",
      next = function(game) return po_turn(game) and "po_review" or "pm_renewal" end,
      score = { negotiation = 3 },
      effects = { morale = 5 },
      set = { "aligned" },
      feedback = "Interests over positions: Jordan needs the renewal, you need the goal, and "
              .. "a sequence serves both. Defending one plan together is what makes the split "
              .. "of the roles work." },
    { "Escalate to Priya and let her choose",
      next = function(game) return po_turn(game) and "po_review" or "pm_renewal" end,
      score = { negotiation = -1 },
      feedback = "Escalation is sometimes right, but escalating before you've put the "
              .. "trade-off on one page makes the CEO the referee of every product "
              .. "argument from now on." },
    { "Split the teams: each of you runs one team your own way",
      next = function(game) return po_turn(game) and "po_review" or "pm_renewal" end,
      score = { negotiation = -2, roadmap = -1 },
      effects = { morale = -10 },
      set = { "split_teams" },
      feedback = "Two product people, two directions, one product: the teams feel the rope "
              .. "in every sprint. The tension between the roles is healthy only when it is "
              .. "settled, not divided." },
  },
}

scene "po_review" {
  title = "Done Enough?",
  phase = "Scale",
  by = "po",
  text = [[
Sprint review. The onboarding wizard passes nine of its eleven acceptance
criteria. The two that fail: importing technicians from a spreadsheet, and an
error message that nobody in the room can explain.

Jordan has a webinar with 600 prospects on Thursday and would love to demo it
live. The decision about what is done enough to release is yours.]],
  choices = {
    { "Fix the error message (a day), then release on Thursday to new accounts only, behind "
      .. "a feature flag, with the spreadsheet import marked beta",
      next = function(game) return game.duet and "pm_renewal" or "pay_intro" end,
      score = { launch = 2, roadmap = 1 },
      effects = { customers = 10 },
      feedback = "Releasing to a slice of users, with the known gap labelled, gets real data "
              .. "and Jordan's demo without betting every account on an unfinished import. "
              .. "\"Done enough\" is a decision, taken in the open." },
    { "Release it to everyone: nine out of eleven is close enough",
      next = function(game) return game.duet and "pm_renewal" or "pay_intro" end,
      score = { launch = -2 },
      effects = { debt = 10 },
      feedback = "Acceptance criteria you override whenever a date appears stop meaning "
              .. "anything. The confusing error message reaches every new account." },
    { "Hold it until all eleven pass; the webinar can show screenshots",
      next = function(game) return game.duet and "pm_renewal" or "pay_intro" end,
      score = { roadmap = 1 },
      effects = { trust = -5 },
      feedback = "Holding the line on quality is defensible, and the criteria keep their "
              .. "meaning. But a flag and a beta label could have had you learning from real "
              .. "users this week instead of next month." },
  },
}

local function climacore_outcome(game, chance)
  if game.random(1, 100) <= chance then
    game.flags.renewed = true
  else
    game.flags.climacore_churned = true
  end
  update_revenue(game)
end

scene "pm_renewal" {
  title = "The Renewal",
  phase = "Scale",
  by = "pm",
  text = [[
Linda Voss, on a video call, crisp as ever: "We'll renew for a year if the
branch hierarchy is live by March. Jobsite360 has offered us 30% off to
switch. I'd rather not switch. Convince me."

Stakeholder trust stands at {trust}.]],
  choices = {
    { "Ask what the hierarchy must let her branch managers do by March, point out what "
      .. "switching costs her (all her job history), and offer two years: bulk reassign "
      .. "now, the hierarchy in Q2, at today's price",
      when = function(game) return game.stats.trust >= 35 end,
      locked = "Linda does not trust your dates enough: needs stakeholder trust of 35 or more",
      act = function(game) climacore_outcome(game, 90) end,
      next = "pay_intro",
      score = { negotiation = 3, launch = 1 },
      effects = { trust = 5 },
      feedback = "Interests first (what must work by March), then her real alternative "
              .. "(Jobsite360's discount doesn't migrate her history), then a trade: a longer "
              .. "term for a realistic date. Nothing was given away." },
    { "Match Jobsite360's 30% discount to keep her",
      act = function(game) climacore_outcome(game, 85) end,
      next = "pay_intro",
      score = { negotiation = -2 },
      set = { "renewal_discount" },
      feedback = "You negotiated against yourself: she said she'd rather not switch, and you "
              .. "answered with $200k a year before asking a single question." },
    { "Promise the hierarchy by March",
      act = function(game) climacore_outcome(game, 80) end,
      next = "pay_intro",
      score = { negotiation = -1, roadmap = -2 },
      effects = { debt = 10, morale = -5 },
      feedback = "A date nobody estimated, promised to the biggest customer, over the PO's "
              .. "backlog: you kept the renewal and bought next quarter's crisis." },
    { "Tell her the onboarding work comes first and the hierarchy will come when it comes",
      act = function(game) climacore_outcome(game, 40) end,
      next = "pay_intro",
      score = { negotiation = -2 },
      effects = { trust = -10 },
      feedback = "Right priority, wrong conversation: a customer with a real alternative "
              .. "needs a plan, not a lecture about your goals." },
  },
}

-- ---------------------------------------------------------------- pay

scene "pay_intro" {
  title = "Your Package",
  phase = "Scale",
  by = "both",
  on_enter = function(game)
    if game.visits.pay_intro > 1 then return end
    -- Sam's ceiling for the base salary, which the player never sees.
    game.stats.budget = game.random(150, 172)
    -- Solo PO: Jordan handled the renewal; how it went depends on the company.
    if not game.flags.renewed and not game.flags.climacore_churned then
      local chance = 75
      if game.flags.aligned then chance = chance + 20 end
      if game.flags.climacore_risk then chance = chance - 35 end
      if game.flags.split_teams then chance = chance - 15 end
      climacore_outcome(game, chance)
    end
  end,
  text = function(game)
    if game.visits.pay_intro == 1 then
      return "Sam Whitfield, Head of People, books an hour with you. With the split, product "
        .. "roles get a career ladder, and you get a level and a new package.\n\n"
        .. "\"Two shapes,\" Sam says, sliding a page across. \"A: $148k base and a 15% bonus "
        .. "on company targets. B: $138k base and 0.35% of the company in stock options. "
        .. "Take a few days, and ask me anything. I'd rather you asked now than wondered "
        .. "later.\"\n\n"
        .. "You earn $128k today. Jobsite360's recruiter has called twice this month."
    end
    local known = {}
    if game.flags.pay_prepared then
      known[#known + 1] = "Your research: product roles at your level in this city pay "
        .. "$150k to $170k base. Your walk-away is $150k. Your alternative today is staying on "
        .. "$128k; Jobsite360 would interview you next week, which could become a better one."
    end
    if game.flags.asked_options then
      known[#known + 1] = "Sam on the options: 0.35% is 168,000 options out of 48 million "
        .. "shares, at a strike price of $1.10, vesting over four years with a one-year cliff. "
        .. "You would have 90 days to exercise after leaving. Nothing is written about an "
        .. "acquisition."
    end
    if game.flags.asked_bonus then
      known[#known + 1] = "Sam on the bonus: 15% of base, paid on company revenue and "
        .. "retention targets. It paid 60% of target two years ago and 100% last year: about "
        .. "80% on average."
    end
    return "Sam's page, A: $148k and a 15% bonus; B: $138k and 0.35% in options.\n\n"
      .. table.concat(known, "\n\n")
  end,
  choices = {
    { "Do the homework: benchmark the role, write down your walk-away, and make your "
      .. "alternative real",
      once = true,
      next = "pay_intro",
      score = { negotiation = 2, vision = 1 },
      set = { "pay_prepared" },
      feedback = "Market data gives you an anchor you can defend; a walk-away point decided "
              .. "in advance keeps you from talking yourself down in the room; an "
              .. "interview that could become an offer is how you build a BATNA; until then, "
              .. "your BATNA is the job you have." },
    { "Ask Sam for the fine print of both: for the options, the share count, strike "
      .. "price, vesting, exercise window and acquisition terms; for the bonus, how it's "
      .. "measured and what it paid in past years",
      once = true,
      next = "pay_intro",
      score = { negotiation = 3 },
      set = { "asked_options", "asked_bonus" },
      feedback = "0.35% means nothing until you know of what, at what price, over how long, "
              .. "and what happens if you leave or the company is sold; a 15% bonus target "
              .. "is worth what it has paid. Early options are high-risk: value them low "
              .. "unless you believe in the outcome." },
    { "You know enough: make your counter",
      next = "pay_counter",
      feedback = function(game)
        local missing = {}
        if not game.flags.pay_prepared then missing[#missing + 1] = "market data" end
        if not game.flags.asked_options then missing[#missing + 1] = "the fine print" end
        if #missing == 0 then
          return "You go in knowing the market, your walk-away and the fine print of both "
            .. "offers: the strongest position a salaried employee ever has."
        end
        return "You counter without " .. table.concat(missing, " or ") .. ". Questions are "
          .. "the cheapest move in a negotiation; every one you skip is a guess."
      end },
    { "Take option A on the spot: it's more than you earn now",
      act = function(game) game.stats.salary = 148 end,
      next = "career",
      score = { negotiation = -2 },
      feedback = "Accepting the first offer because it beats your current pay compares it to "
              .. "the wrong number. The market, not your old salary, is the benchmark." },
    { "Take option B on the spot: you believe in Fieldnote",
      act = function(game) game.stats.salary = 138 end,
      next = "career",
      score = { negotiation = -2 },
      feedback = function(game)
        if game.flags.asked_options then
          return "You read the terms and took them unchanged: fine if you believe in the "
            .. "outcome, but the 90-day window and the missing acquisition clause were yours "
            .. "to negotiate."
        end
        return "Belief is a fine reason to want equity and a poor reason not to read the "
          .. "terms. Without the share count, strike price and exercise window, you "
          .. "accepted a lottery ticket of unknown size."
      end },
  },
}

scene "pay_counter" {
  title = "The Counter",
  phase = "Scale",
  by = "both",
  text = [[
Sam is back, with coffee and the same page. "So. What would make this a yes
for you?"]],
  choices = {
    { "Cash: counter at $165k base plus the 15% bonus, citing the salary survey and what "
      .. "Teams did for revenue",
      requires = { "pay_prepared" },
      locked = "Research the market and your walk-away first",
      next = "pay_result",
      score = { negotiation = 3 },
      set = { "wants_cash" },
      feedback = "An ambitious anchor you can defend with market data and your own results. "
              .. "Cash and a bonus suit you if you value certainty; you are trading the "
              .. "options' upside for it, knowingly." },
    { "Equity: $150k base and 0.5% in options, with a ten-year exercise window and "
      .. "accelerated vesting if Fieldnote is acquired",
      requires = { "pay_prepared", "asked_options" },
      locked = "Research the market and ask about the option terms first",
      next = "pay_result",
      score = { negotiation = 3 },
      set = { "wants_equity" },
      feedback = "You trade base salary for upside, and you fix the terms that make options "
              .. "worth something: a long exercise window and protection on acquisition. "
              .. "Right if you have savings and believe in the outcome." },
    { "Split the difference between A and B: $143k and half the options",
      next = "pay_result",
      score = { negotiation = -1 },
      act = function(game) game.stats.salary = 143 end,
      feedback = function(game)
        local why = game.flags.asked_options and ", and the terms you asked about went unused."
          or ", without learning what either was worth."
        return "Splitting the difference is a reflex, not a strategy: you gave up A's bonus "
          .. "and half of B's options for $5k of base" .. why
      end },
    { "Ask for $200k and see what Sam says",
      next = "pay_result",
      score = { negotiation = -2 },
      set = { "overreached" },
      feedback = function(game)
        if game.flags.pay_prepared then
          return "You did the research and then ignored it: a number $30k above the market "
            .. "you know tells Sam you are bluffing, and weakens everything you say next."
        end
        return "An anchor is only as strong as the research behind it. A number $30k above "
          .. "the market tells Sam you haven't looked, and weakens everything you say next."
      end },
  },
}

scene "pay_result" {
  title = "Sam's Answer",
  phase = "Scale",
  by = "both",
  on_enter = function(game)
    if game.visits.pay_result > 1 then return end
    if game.flags.wants_cash then
      game.stats.salary = math.min(165, game.stats.budget)
    elseif game.flags.wants_equity then
      game.stats.salary = 150
    elseif game.flags.overreached then
      game.stats.salary = 148
    end
  end,
  text = function(game)
    if game.flags.wants_cash then
      if game.stats.salary >= 165 then
        return "Sam reads your numbers, then the survey. \"That's fair. $165k and the 15% "
          .. "bonus. I'll need a day to get it signed off, but yes.\""
      end
      return "Sam reads your numbers, then the survey. \"I can't do 165. The top of the "
        .. "band for this level is $" .. game.stats.salary .. "k, and I'll give you that, "
        .. "with the bonus.\""
    elseif game.flags.wants_equity then
      local grant = game.stats.budget >= 158 and "0.5%" or "0.42%"
      return "Sam nods slowly. \"$150k, and " .. grant .. " in options. The ten-year window "
        .. "I can do; the board approved it for senior hires last year. Acceleration: "
        .. "double-trigger only, if you lose the job in an acquisition.\""
    elseif game.flags.overreached then
      return "Sam puts the page down. \"That's not a number I can take upstairs. Option A "
        .. "stands: $148k and the bonus.\" The room is a little colder."
    end
    return "Sam smiles, a little surprised. \"$143k and half the options? If that's what "
      .. "you want.\""
  end,
  choices = {
    { "Accept, and ask Sam to put all of it in writing: base, bonus terms, the option "
      .. "grant and a pay review date",
      next = "career",
      score = { negotiation = 3 },
      set = { "pay_written" },
      feedback = "A yes is not an agreement until it's written down: base, bonus measures, "
              .. "the grant's terms and a review date. Good HR people expect the request." },
    { "Hold out for $165k: tell Sam it's your final number",
      when = function(game) return game.flags.wants_cash and game.stats.salary < 165 end,
      next = "career",
      score = { negotiation = -1 },
      feedback = "Sam showed you the ceiling of the band; an ultimatum against a real limit "
              .. "is a bluff you would have to back by leaving. Sam holds, and you accept "
              .. "anyway, with less goodwill." },
    { "Reset with your research: apologise for the number, show the survey, and ask for "
      .. "$160k",
      when = function(game) return game.flags.overreached and game.flags.pay_prepared end,
      act = function(game) game.stats.salary = math.min(160, game.stats.budget) end,
      next = "career",
      score = { negotiation = 1 },
      feedback = "Recovering from a bad anchor with data is possible, and you did. It cost "
              .. "some goodwill the first number didn't need to spend." },
    { "Accept on a handshake: Sam is good for it",
      next = "career",
      score = { negotiation = -1 },
      feedback = "Sam probably is. But Sam may not be here when the review date comes, and "
              .. "the option terms you didn't write down are the ones that matter most in "
              .. "an acquisition." },
    { "Decline the package, stay on your current terms, and take the Jobsite360 interview",
      when = function(game)
        return game.flags.overreached and game.flags.pay_prepared and game.stats.salary < 150
      end,
      next = "new_chapter",
      score = { negotiation = 1 },
      feedback = "A walk-away point you never use isn't one. Declining a deal below it is "
              .. "legitimate when the market backs your number; make sure it's the deal you're "
              .. "leaving and not the work." },
  },
}

scene "career" {
  title = "Three Years From Now",
  phase = "Scale",
  text = function(game)
    local paths
    if game.role == "pm" then
      paths = "You could grow as a Product Manager toward group PM and head of product, "
        .. "carrying the market and the P&L. Or you could cross to the Product Owner side, "
        .. "closer to the teams and the Product Goal, where Jordan has thrived."
    else
      paths = "You could grow as a Product Owner toward owning the goals of a whole product "
        .. "area, several teams and their backlogs. Or you could cross to product "
        .. "management, where market and P&L decisions are made."
    end
    return "Late on a Thursday, Priya sits on the edge of your desk. \"Jordan told me they "
      .. "want my job one day. I liked that. Where do you want to be in three years?\"\n\n"
      .. paths .. "\n\nPriya: \"Neither is the junior one, whatever the internet says.\""
  end,
  choices = {
    { "Make product ownership your longer-term goal: a bigger product area, with a written "
      .. "development plan and a mentor who has done it",
      role = "po",
      next = "board_call",
      score = { vision = 2, roadmap = 1 },
      set = { "career_po" },
      feedback = "A deliberate choice with a plan and a mentor. Product ownership done well, "
              .. "across several teams, is a senior craft, not a waiting room for a PM title." },
    { "Move toward product management: ask for a stretch project with a revenue target "
      .. "first, to test it",
      role = "po",
      next = "board_call",
      score = { vision = 2, launch = 1 },
      set = { "career_pm" },
      feedback = "Testing the move with a stretch project is the low-risk way to find out "
              .. "whether you want the market and the P&L, before you change jobs." },
    { "Grow as a PM: ask for a path to group PM, with a P&L target and a review in a year",
      role = "pm",
      next = "board_call",
      score = { vision = 2, launch = 1 },
      set = { "career_pm" },
      feedback = "A clear direction with a measurable target: the PM path leads to group PM "
              .. "and head of product through results you own, and you just asked for the "
              .. "way to show them." },
    { "Make product ownership your longer-term goal: shadow Jordan's sprint reviews for a "
      .. "quarter, then decide with a development plan",
      role = "pm",
      next = "board_call",
      score = { vision = 2, roadmap = 1 },
      set = { "career_po" },
      feedback = "Choosing the PO path with your eyes open, after seeing the work up close, "
              .. "is a mature career move. Neither role is a step down from the other." },
    { "Whichever path pays more",
      next = "board_call",
      score = { vision = -1 },
      feedback = "Pay follows impact in both paths. Choosing by this year's salary band "
              .. "picks the job you'll be paid for, not the one you'll be good at." },
    { "Don't plan it: work hard and see what comes",
      next = "board_call",
      score = { vision = -1 },
      feedback = "Careers drift toward whatever is urgent. You would never run a product "
              .. "without a goal; your career deserves one too." },
  },
}

scene "board_call" {
  title = "The Board Call",
  phase = "Scale",
  timer = 90,
  timeout = 3,
  text = function(game)
    local climacore = "ClimaCore renewed."
    if game.flags.climacore_churned then
      climacore = "ClimaCore left for Jobsite360 last month."
    elseif game.flags.renewal_discount then
      climacore = "ClimaCore renewed for a year, at 30% off."
    end
    return "Series B board call. Fieldnote has {customers} customers, ${revenue}k a month "
      .. "in revenue and {runway} months of runway. " .. climacore .. "\n\n"
      .. "Ruth Adler: \"Before we talk about the round, one sentence from product. What is "
      .. "Fieldnote's strategy for the next eighteen months, and what number tells us it "
      .. "worked? You have ninety seconds.\""
  end,
  choices = {
    { "\"The dispatch desk for every trades firm with 10 to 100 technicians. It's working "
      .. "when net revenue retention passes 115% and new accounts dispatch 20 jobs in their "
      .. "first week.\"",
      act = function(game) game.stats.trust = game.stats.trust + 10 end,
      next = final_ending,
      score = { vision = 3, launch = 1 },
      feedback = "A target customer, a product promise and two outcome numbers, one for the "
              .. "business and one for the user, in a sentence the whole company can repeat. "
              .. "That is a vision a board can fund." },
    { "\"Enterprise: the ten largest HVAC chains, starting with ClimaCore.\"",
      next = final_ending,
      score = { vision = -1, launch = -1 },
      feedback = "Clear, but it abandons the segment where you win for ten buyers who will "
              .. "each write your roadmap. And there is no number for Ruth to hold you to." },
    { "\"We'll keep listening to customers and building what they ask for.\"",
      act = function(game) game.stats.trust = game.stats.trust - 10 end,
      next = final_ending,
      score = { vision = -2, roadmap = -1 },
      feedback = "Listening is a method, not a strategy. A board hears \"no direction\", "
              .. "and a product built from every request becomes a feature factory." },
    { "\"Everything a contractor needs: dispatch, payroll, a homeowner marketplace and AI "
      .. "scheduling.\"",
      act = function(game) game.stats.trust = game.stats.trust - 5 end,
      next = final_ending,
      score = { vision = -2 },
      feedback = "Priya's kitchen-table deck, four years later. A vision that covers everything "
              .. "decides nothing, and Ruth has seen this slide before." },
  },
}
