-- Phase 2, Growth: months 18 to 21 (March to June). A sales team, a big customer, a backlog
-- that has outgrown one head, design, development and testing to keep in one
-- flow, and a roadmap that sales, investors and engineers all pull at.
-- Shared with seed-to-scale-workshop (identical copy): edit here, copy there.

scene "growth_intro" {
  title = "Month Eighteen",
  phase = "Growth",
  by = "po",
  on_enter = function(game)
    -- Meanwhile: nine months pass, and a team of eleven burns faster.
    burn(game, 10)
    -- The first year's decisions compound into the customer base.
    local gained = 45
    if game.flags.validated then gained = gained + 15 end
    if game.flags.goal_set then gained = gained + 10 end
    if game.flags.mvp_cut or game.flags.thin_slice then gained = gained + 10 end
    if game.flags.beta_exit or game.flags.ramped then gained = gained + 10 end
    if game.flags.build_all then gained = gained - 5 end
    if game.flags.broad_vision then gained = gained - 5 end
    if game.flags.hired_sales and game.flags.hire_ok then gained = gained + 5 end
    game.stats.customers = game.stats.customers + gained
    -- Consequences come due.
    if game.flags.open_early then
      game.cause("open_early")
      game.stats.customers = game.stats.customers - 15
      game.stats.trust = game.stats.trust - 5
    end
    if game.flags.hire_ok and game.flags.lowballed then
      game.cause("lowballed")
      game.stats.morale = game.stats.morale - 5
    elseif game.flags.hire_ok and game.flags.fair_offer then
      game.cause("fair_offer")
      game.stats.morale = game.stats.morale + 5
    end
    update_revenue(game)
  end,
  text = function(game)
    local money
    if game.flags.bridge_only then
      money = "The seed round never closed; a $400k bridge from Priya's angels keeps the "
        .. "lights on."
    elseif game.flags.lakeline_in then
      money = "Northgate and Lakeline closed the seed round together."
    else
      money = "Northgate's seed money is in the bank, and Ruth Adler sits on the board."
    end
    if game.flags.bluffed and not game.flags.bridge_only then
      money = money .. " Ruth has not quite forgiven the Lakeline bluff."
    end
    -- Hana is the designer from here on, whoever the first hire was.
    local design = " Hana Kim joined as the designer after the seed round."
    if game.flags.hired_designer and game.flags.runner_up then
      design = " Hana Kim, who turned you down in year one, joined after the seed round as a "
        .. "second designer: the runner-up you hired told her how fairly you deal."
    elseif game.flags.hired_designer and game.flags.hire_ok then
      design = ""
    elseif game.flags.hired_designer then
      design = " Hana Kim, who turned you down in year one, joined as the designer after the "
        .. "seed round."
    end
    if game.flags.hire_ok and game.flags.fair_offer then
      design = design .. " Your first hire still tells new joiners about the offer call."
    elseif game.flags.hire_ok and game.flags.lowballed then
      design = design .. " Your first hire found out what the others were paid, and hasn't "
        .. "mentioned it since, which is worse."
    end
    local low = ""
    if game.stats.runway <= 0 then
      low = " The bank balance says two payrolls."
    end
    return "Month eighteen. Fieldnote has {customers} paying firms and ${revenue}k a month "
      .. "in revenue, {runway} months of runway." .. low .. " " .. money .. "\n\n"
      .. "The team is eleven people." .. design .. " Marcus Bell joined as head of sales "
      .. "last autumn and has closed 19 deals since. He talks in quarters and closes in "
      .. "weeks.\n\n"
      .. "The backlog has 212 items. Everyone who added one calls theirs priority one."
  end,
  discuss = "Who should be in the room when the backlog is ordered, and who decides?",
  choices = {
    { "Run a WSJF session: Tomás, Hana and Marcus score the top fifty on cost of delay "
      .. "over size, together",
      id = "wsjf",
      next = function(game) return after(game, "crunch_growth", "climacore") end,
      score = { backlog = 3, negotiation = 1 },
      effects = { morale = 5 },
      set = { "wsjf" },
      feedback = "WSJF makes the ordering explicit and shared: Marcus argues cost of delay "
              .. "(value, urgency, risk) with the same sheet on which Tomás's team sizes the "
              .. "work, and nobody needs you in the room to know why item 12 isn't item 3. "
              .. "The order stays yours; the reasons become everyone's." },
    { "Archive all that doesn't serve the objective, then order the rest by how much it "
      .. "cuts invoice time",
      id = "archive",
      requires = { "goal_set" },
      locked = "Needs a written outcome objective",
      next = function(game) return after(game, "crunch_growth", "climacore") end,
      score = { backlog = 2, vision = 1 },
      effects = { morale = 5 },
      feedback = "A backlog is not a wish list: archiving what doesn't serve the objective "
              .. "is saying no at scale. Ordering by one outcome is simple and fast; the risk "
              .. "is that cost and risk get less attention than value." },
    { "Order it yourself tonight, and publish the top thirty with one line of reasoning "
      .. "for each",
      id = "order_alone",
      next = function(game) return after(game, "crunch_growth", "climacore") end,
      score = { backlog = 2 },
      effects = { morale = -5 },
      feedback = "The PO orders the backlog, and writing the reasons down makes the order "
              .. "transparent. Fast and accountable. What it skips is the argument: Marcus "
              .. "and Tomás will challenge item by item what they never helped weigh." },
    { "Let Marcus order the top twenty: he hears the market every day, he closes the "
      .. "deals, and he'll own the result",
      id = "marcus_orders",
      next = function(game) return after(game, "crunch_growth", "climacore") end,
      score = { backlog = -2 },
      effects = { trust = 10 },
      set = { "sales_led" },
      feedback = "Sales will love it this quarter. But the backlog now reflects the last "
              .. "twenty sales calls, not the product's goal, and the team will learn that the "
              .. "fastest way to the top is through Marcus." },
  },
}

scene "climacore" {
  title = "The Big Fish",
  phase = "Growth",
  by = "pm",
  text = [[
Linda Voss, VP of Operations at ClimaCore, has seen a demo. ClimaCore is an
HVAC chain: 400 technicians in 31 branches. Marcus is practically vibrating.
"Two hundred and forty thousand a year, {player}. That's more than everyone
else combined."

Linda's conditions arrive in a crisp email: a dispatch board for her branch
managers, single sign-on, and custom reports, "live by September". It is
March.

Tomás, later, in the kitchen: "Dispatch board, three months on its own. Single
sign-on, one. Custom reports, forever."]],
  discuss = "When is one big customer a market signal, and when is it a consulting contract in disguise?",
  choices = {
    { "Offer a paid pilot: 40 technicians in two branches from May, the board built with "
      .. "her managers, no reports",
      id = "paid_pilot",
      act = function(game)
        if game.random(1, 100) <= 75 then
          game.flags.climacore_pilot = true
        else
          game.flags.climacore_lost = true
        end
        update_revenue(game)
      end,
      next = function(game)
        if CUT == "workshop" then return "tech_debt" end
        return po_turn(game) and "story_slicing" or "market_sizing"
      end,
      score = { negotiation = 3, roadmap = 1 },
      effects = { trust = 5 },
      feedback = "A paid pilot trades what Linda needs (proof it works in her branches) for "
              .. "what you need (discovery with real dispatchers, and dates you control). "
              .. "Saying no to custom reports is what keeps it from becoming a consulting "
              .. "contract. She may still walk; that is a risk worth taking." },
    { "Show Priya and Marcus the trade first: \"If we build this by September, offline "
      .. "photos and Android slip a year\"",
      id = "show_tradeoff",
      role = "pm",
      act = function(game)
        if game.random(1, 100) <= 80 then
          game.flags.climacore_pilot = true
        else
          game.flags.climacore_lost = true
        end
        update_revenue(game)
      end,
      next = function(game)
        if CUT == "workshop" then return "tech_debt" end
        return po_turn(game) and "story_slicing" or "market_sizing"
      end,
      score = { negotiation = 3, roadmap = 2 },
      effects = { trust = 5 },
      feedback = "\"If we add this, that moves\" turns a yes-or-no fight into a choice between "
              .. "priorities Priya and Marcus can see, and they back the pilot you then offer "
              .. "Linda. This is the PM's job: the trade-off made visible before the deal." },
    { "Decline politely: a 400-technician chain isn't our segment yet; ask Linda to come "
      .. "back when Teams exists",
      id = "decline",
      next = function(game)
        if CUT == "workshop" then return "tech_debt" end
        return po_turn(game) and "story_slicing" or "market_sizing"
      end,
      score = { vision = 2, negotiation = -1 },
      effects = { trust = -10 },
      set = { "climacore_declined" },
      feedback = "Protecting focus is a Product Owner's instinct, and often right. But a flat "
              .. "no skips the question of interests: dispatching is also a pain your firms "
              .. "with ten or more vans describe. You left learning and money on the table." },
    { "Say yes to all of it by September: this one deal makes the year, Marcus has earned "
      .. "the win, and we'll find a way",
      id = "yes_all",
      act = update_revenue,
      next = function(game)
        if CUT == "workshop" then return "tech_debt" end
        return po_turn(game) and "story_slicing" or "market_sizing"
      end,
      score = { negotiation = -2, roadmap = -2 },
      effects = { trust = 15 },
      set = { "climacore_contract", "overpromised" },
      feedback = "It looks like a win on the revenue chart today. But you just let one "
              .. "customer write a third of the roadmap, against a date nobody estimated. "
              .. "The bill arrives in September, paid in debt, morale and every other "
              .. "customer's features." },
  },
}

-- After ClimaCore: the Product Owner turns requirements into work; the
-- Product Manager checks whether dispatch is a market. In a duet, both.

-- Where the dispatch requirements come from, after the ClimaCore decision.
local function dispatch_source(game)
  if game.flags.climacore_contract then
    return "ClimaCore's requirements document arrives: twelve pages, \"all mandatory\", "
      .. "due in September."
  elseif game.flags.climacore_pilot then
    return "Linda agreed to the pilot. Her branch managers send a twelve-page wish list for "
      .. "the dispatch board."
  elseif game.flags.climacore_lost then
    return "Linda took a Jobsite360 trial instead. But three of your own customers with ten "
      .. "or more vans have asked for \"some kind of dispatch view\"; their emails fill "
      .. "twelve pages."
  end
  return "ClimaCore is out of the picture, but three of your own customers with ten or more "
    .. "vans have asked for \"some kind of dispatch view\"; their emails fill twelve pages."
end

-- Not in the workshop cut (from here to the end of flow).
if CUT == "full" then
scene "story_slicing" {
  title = "Twelve Pages",
  phase = "Growth",
  by = "po",
  text = function(game)
    local hana = "Hana wants to sit in a dispatch office for a morning before anyone draws "
      .. "a screen."
    if game.flags.hired_designer and game.flags.hire_ok then
      hana = "Hana has already booked a morning in a dispatch office: she did the same for "
        .. "the electricians' app, and it saved them a redesign."
    end
    return dispatch_source(game) .. "\n\n"
      .. "Dispatch is clearly the next big piece of work, and turning it into a backlog is "
      .. "your job. Tomás: \"I can't estimate a document. I can estimate stories.\" " .. hana
  end,
  choices = {
    { "Visit a dispatch office with Hana, then slice thin with acceptance criteria: "
      .. "first, drag a job onto a crew",
      id = "see_then_slice",
      next = function(game)
        if game.duet then return "market_sizing" end
        return "flow"
      end,
      score = { backlog = 3, vision = 1 },
      set = { "slices" },
      feedback = "Seeing the work first, then slicing it thin: each slice is usable, testable "
              .. "and small enough to learn from. The twelve pages become a source of ideas, "
              .. "not a contract. It costs a morning before any estimate exists." },
    { "Story-map the twelve pages with the team in one afternoon, and cut a first release "
      .. "along the map",
      id = "story_map",
      next = function(game)
        if game.duet then return "market_sizing" end
        return "flow"
      end,
      score = { backlog = 2 },
      set = { "slices" },
      feedback = "A story map turns a document into a shared picture and a first release "
              .. "the team can estimate, in an afternoon. Good when the requirements are "
              .. "sound; these were written by people who have never dispatched a job." },
    { "Ask Tomás to design the whole dispatch system up front, so nothing in the twelve "
      .. "pages is missed or forgotten later",
      id = "design_upfront",
      next = function(game)
        if game.duet then return "market_sizing" end
        return "flow"
      end,
      score = { backlog = -2 },
      effects = { debt = 5 },
      feedback = "Big design up front feels safe and delays all learning to the end. The "
              .. "first dispatcher to use it will break assumptions that cost weeks to undo." },
  },
}

scene "market_sizing" {
  title = "Product or Favour?",
  phase = "Growth",
  by = "pm",
  text = function(game)
    return dispatch_source(game) .. "\n\n"
      .. "Before a quarter of the team's time goes into dispatch, you want to know whether it "
      .. "is a product or a favour. Marcus: \"Every firm over ten vans has a dispatcher "
      .. "crying into a spreadsheet.\" Ruth, by email: \"Show me.\""
  end,
  choices = {
    { "Interview eight dispatchers at firms of 10 to 50 technicians, and count the "
      .. "prospects that fit",
      id = "interviews",
      next = function(game) return "flow" end,
      score = { vision = 1, launch = 2 },
      effects = { runway = -1 },
      set = { "market_sized" },
      feedback = "Eight interviews for the problem, the pipeline for the size of the market: "
              .. "you check dispatch is a product and not a favour before a quarter of work "
              .. "goes into it. A month of runway well spent." },
    { "Count the pipeline: how many prospects have ten or more technicians and asked "
      .. "about dispatch this year",
      id = "pipeline",
      next = function(game) return "flow" end,
      score = { launch = 1 },
      set = { "market_sized" },
      feedback = "Free, fast and real: the pipeline tells you how many buyers have raised "
              .. "their hand. It says nothing about whether their dispatchers would use your "
              .. "board; good enough when the team needs an answer this week." },
    { "Buy an analyst report on the field-service software market for Ruth, and let the "
      .. "team start",
      id = "analyst",
      next = function(game) return "flow" end,
      score = { launch = -1 },
      effects = { runway = -1 },
      feedback = "A top-down market size impresses investors, but it says nothing about "
              .. "whether your firms' dispatchers will use your board or pay for it. Context, "
              .. "not evidence." },
    { "Trust Marcus: he talks to contractors every day, he has never been wrong about a "
      .. "segment, and Ruth trusts him",
      id = "trust_marcus",
      next = function(game) return "flow" end,
      score = { vision = -1, launch = -1 },
      feedback = "Marcus hears the firms that are buying, not the ones that aren't, and he "
              .. "is paid to be optimistic. His instinct is a hypothesis, not the evidence "
              .. "Ruth asked for." },
  },
}

scene "flow" {
  title = "Over the Wall",
  phase = "Growth",
  by = "po",
  text = function(game)
    local engineers = "the three engineers who joined after the seed"
    if game.flags.hired_engineer and game.flags.runner_up then
      engineers = "your first engineering hire and the two engineers who joined after the seed"
    elseif game.flags.hired_engineer and game.flags.hire_ok then
      engineers = "Leo and the two engineers who joined after the seed"
    end
    local heard = ""
    if game.flags.team_heard then
      heard = "\n\nAsked where it breaks, they agree on two places: designs arrive after "
        .. "the code has started, and nobody who tests a story saw it before it was built."
    end
    return "Sprint Review, week six of the dispatch work. Hana's designs for the board "
      .. "arrived when " .. engineers .. " had already built half of it. Testing happens in the "
      .. "last two days of each sprint, by whoever is free; this sprint, eleven bugs reached "
      .. "customers.\n\n"
      .. "Tomás: \"We're a relay race where everybody drops the baton.\" Hana, quietly: "
      .. "\"Nobody asked me what the dispatcher needs to see first.\"" .. heard
  end,
  choices = {
    { "Ask Hana, Tomás and whoever tested this sprint where exactly the baton drops, "
      .. "before changing anything",
      id = "ask_team",
      once = true,
      next = "flow",
      score = { negotiation = 1 },
      set = { "team_heard" },
      feedback = "The people in the relay know where it breaks. Asking first costs an hour and "
              .. "keeps you from fixing the hand-off you imagined instead of the one they live." },
    { "Fix the hand-offs they named: design a sprint ahead, testers in refinement, and "
      .. "criteria written together",
      id = "fix_handoffs",
      requires = { "team_heard" },
      next = "tech_debt",
      score = { backlog = 3, vision = 1, negotiation = 1 },
      effects = { morale = 10, debt = -5 },
      set = { "dod" },
      feedback = "Design, development and testing in one flow, built from what the team said: "
              .. "each hand-off they named now has a fix they own, and the acceptance criteria "
              .. "you write with them make every story testable before it starts." },
    { "Write acceptance criteria with the team at refinement each week, before any story "
      .. "enters a sprint",
      id = "criteria",
      role = "po",
      next = "tech_debt",
      score = { backlog = 3, negotiation = 1 },
      effects = { morale = 5 },
      set = { "dod" },
      feedback = "This is the Product Owner's part of the flow: criteria written with the "
              .. "people who design, build and test, before the work starts, so design and "
              .. "testing are part of the story instead of afterthoughts. The team still owns "
              .. "its definition of done; you make each story clear enough to meet it." },
    { "Ask the team to agree a definition of done: designed, built, tested and shown to "
      .. "a user, or it isn't done",
      id = "dod",
      next = "tech_debt",
      score = { backlog = 3 },
      effects = { morale = 5, debt = -5 },
      set = { "dod" },
      feedback = "A shared definition of done keeps design, development and testing in one "
              .. "flow. Velocity will look lower for two sprints: that is the real speed "
              .. "finally showing, without the bugs that used to hide it." },
    { "Pair a tester with each story from day one, and stop starting new stories when "
      .. "testing backs up",
      id = "wip_limit",
      next = "tech_debt",
      score = { backlog = 2 },
      effects = { debt = -5 },
      feedback = "Limiting work in progress where it piles up is flow thinking at its best, "
              .. "and it works within a sprint. It leaves design outside the loop, which is "
              .. "where Hana's problem started." },
    { "Skip formal testing for a month to keep the dispatch date, then catch up in a "
      .. "hardening sprint before the launch",
      id = "skip_tests",
      next = "tech_debt",
      score = { backlog = -2 },
      effects = { debt = 15, morale = -5 },
      feedback = "The date looks safer this month. The bugs you don't catch now reach "
              .. "customers, and a hardening sprint later is testing at the most expensive "
              .. "moment there is." },
  },
}
end

scene "tech_debt" {
  title = "The Sync Bug",
  phase = "Growth",
  by = "po",
  text = function(game)
    local rate = "One job in 400"
    if game.stats.debt >= 40 then
      rate = "One job in 90, and rising,"
    elseif game.stats.debt >= 25 then
      rate = "One job in 200"
    end
    local wsjf = ""
    if game.flags.wsjf then
      wsjf = " Tomás taps the WSJF sheet: the sync fix scored highest on risk reduction, and "
        .. "Marcus helped score it."
    end
    local who = "\"It's the sync layer I wrote in month three. I want three weeks to replace "
      .. "it properly.\""
    if game.flags.hired_engineer and game.flags.hire_ok then
      who = "Leo: \"It's the old sync layer under my fix. I can replace it piece by piece, "
        .. "behind a flag, in two weeks, while the others keep building.\""
    end
    return "Tomás puts a chart on the screen. " .. rate .. " loses its photos when a phone "
      .. "reconnects after a basement. " .. who .. "\n\n"
      .. "Marcus: \"Weeks with no new features? I have twelve demos booked.\"" .. wsjf
      .. "\n\n"
      .. "Tech debt stands at {debt}."
  end,
  discuss = "How would you explain tech debt to Marcus in his own terms?",
  choices = {
    { "Reserve 20% of every sprint for debt, start with the sync layer, and show Marcus "
      .. "what photos protect",
      id = "debt_budget",
      next = function(game)
        if game.stats.debt + game.random(0, 20) >= 40 then return "incident" end
        return CUT == "workshop" and "series_a" or "board_update"
      end,
      score = { backlog = 3, negotiation = 1 },
      effects = { debt = -20 },
      set = { "debt_budget" },
      feedback = "Paying debt deliberately, every sprint, is cheaper than paying it in "
              .. "emergencies, and translating it into what customers lose is how sales "
              .. "learns to defend it too." },
    { "Give Leo the two weeks behind a flag; the others keep building, and the demos go "
      .. "ahead on the old sync",
      id = "leo_plan",
      requires = { "hired_engineer", "hire_ok" },
      locked = "Needs someone who knows offline sync: that was Leo, in year one",
      next = function(game) return CUT == "workshop" and "series_a" or "board_update" end,
      score = { backlog = 3, launch = 1 },
      effects = { debt = -25 },
      set = { "debt_budget" },
      feedback = "The year-one hire pays off: an incremental replacement behind a flag, by "
              .. "the person who knows the problem, with no feature freeze. Sales keeps its "
              .. "demos, and the crews keep their photos." },
    { "Fix just the photo bug this week, and put the sync rewrite on the WSJF list to "
      .. "compete with the rest",
      id = "patch",
      next = function(game)
        if game.stats.debt + game.random(0, 20) >= 45 then return "incident" end
        return CUT == "workshop" and "series_a" or "board_update"
      end,
      score = { backlog = 1 },
      effects = { debt = -5 },
      feedback = "Treating the rewrite as one more backlog item, ordered on its merits, is "
              .. "honest prioritisation. The risk is that risk reduction always loses to "
              .. "features in the short run, and the layer underneath keeps rotting." },
    { "Park it: features sell and bugs don't, and the demos are what pays for the next "
      .. "round; fix it when it bites",
      id = "park_it",
      next = function(game)
        if game.stats.debt + game.random(0, 20) >= 35 then return "incident" end
        return CUT == "workshop" and "series_a" or "board_update"
      end,
      score = { backlog = -3, launch = -1 },
      effects = { debt = 15, trust = 5 },
      set = { "parked_debt" },
      feedback = "Sales is happy and the demos go ahead. The debt keeps compounding, and it "
              .. "will choose its own moment to be paid: usually a Friday afternoon." },
  },
}

scene "incident" {
  title = "Friday, 4:52 pm",
  phase = "Growth",
  by = "pm",
  timer = 60,
  timeout = 4,
  on_enter = function(game)
    if game.flags.parked_debt then game.cause("park_it") end
    game.stats.trust = game.stats.trust - 5
  end,
  text = [[
Gary Doyle calls. "Your app ate a week of my photos. I've a customer disputing
a six-thousand-dollar bill and no pictures of the leak."

Support has 37 tickets like it in the last hour. Tomás thinks it is
Wednesday's release. Half the team has left for the weekend.

Decide now.]],
  choices = {
    { "Roll back Wednesday's release, tell every affected customer what happened, and "
      .. "call Gary back yourself",
      id = "own_incident",
      next = function(game) return CUT == "workshop" and "series_a" or "board_update" end,
      score = { launch = 2, negotiation = 1 },
      effects = { trust = 5, morale = -5, debt = -5 },
      set = { "incident_owned" },
      feedback = "Roll back first, explain second, fix third. Telling customers before they "
              .. "find out costs a weekend and some pride; it earns the trust that keeps them "
              .. "through the next incident." },
    { "Roll back now; call Gary and the ten biggest affected firms tonight, and email "
      .. "the rest on Monday",
      id = "rollback_triage",
      next = function(game) return CUT == "workshop" and "series_a" or "board_update" end,
      score = { launch = 1, negotiation = 1 },
      effects = { morale = -5, debt = -5 },
      set = { "incident_owned" },
      feedback = "Rolling back and triaging who hears first is a sound incident response "
              .. "with half a team. The small firms who find out on Monday from each other "
              .. "will notice the order; say so in the email." },
    { "Hotfix forward tonight and say nothing: most customers won't notice a few "
      .. "missing photos",
      id = "hotfix_silent",
      next = function(game) return CUT == "workshop" and "series_a" or "board_update" end,
      score = { launch = -2 },
      effects = { morale = -10 },
      set = { "hid_incident" },
      feedback = "A hotfix under pressure with no rollback risks a second incident, and "
              .. "silence works only until the first customer compares notes with another. "
              .. "Gary will." },
    { "Leave it until Monday: nobody thinks straight at five on a Friday, least of all an "
      .. "engineer who's been up since six",
      id = "monday",
      next = function(game) return CUT == "workshop" and "series_a" or "board_update" end,
      score = { launch = -3 },
      effects = { customers = -6, trust = -10 },
      feedback = "Every hour of data loss is a crew without proof of its work. Waiting turns "
              .. "an incident into a reputation; six firms cancel before Monday." },
  },
}

-- Not in the workshop cut (from here to the end of marcus_promise).
if CUT == "full" then
scene "board_update" {
  title = "The Board Wants a Date",
  phase = "Growth",
  by = "pm",
  on_enter = function(game)
    if game.flags.board_met then return end
    game.flags.board_met = true
    if game.flags.hid_incident then
      game.cause("hotfix_silent")
      game.stats.trust = game.stats.trust - 10
    end
  end,
  text = function(game)
    local incident = ""
    if game.flags.incident_owned then
      incident = " Ruth opens with: \"I heard how you handled the photo incident. Good.\""
    elseif game.flags.hid_incident then
      incident = " Ruth opens with: \"Gary Doyle tells me you lost his photos. I'd rather "
        .. "have heard it from you.\""
    end
    local heard = ""
    if game.flags.board_heard then
      heard = "\n\nRuth, when you asked: \"The next round needs proof that bigger firms "
        .. "use Teams every day. A date is how I usually ask for that.\""
    end
    return "Quarterly board meeting. Revenue is ${revenue}k a month, from {customers} "
      .. "firms." .. incident .. "\n\n"
      .. "Ruth: \"Marcus says a Teams plan with the dispatch board will win the bigger firms. "
      .. "When does it launch? I need a date for the next round's story.\"\n\n"
      .. "Tomás's estimate for Teams (dispatch board, roles for office staff, single sign-on) "
      .. "is four to seven months. Priya looks at you." .. heard
  end,
  discuss = "Ruth asked for a date. What did you give her, and what will she do with it?",
  choices = {
    { "Ask Ruth what the round's story needs from Teams, before you give her any date at "
      .. "all",
      id = "ask_board",
      once = true,
      next = "board_update",
      score = { negotiation = 1 },
      set = { "board_heard" },
      feedback = "A board asking for a date is asking for something behind it: confidence "
              .. "for the next round. Asking what that is turns a date negotiation into a "
              .. "conversation about evidence." },
    { "Give Ruth what the round needs: ten firms dispatching daily on Teams by year end, "
      .. "with the range behind it",
      id = "evidence_for_round",
      requires = { "board_heard" },
      next = function(game) return "marcus_promise" end,
      score = { roadmap = 3, launch = 2, negotiation = 2 },
      effects = { trust = 5 },
      set = { "range_given" },
      feedback = "You answered the question behind the question: investors fund evidence that "
              .. "Teams works, and a range shows you know how uncertain the date is. The board "
              .. "gets both a story and a forecast it can plan cash with." },
    { "Give a range with confidence: October at 50%, December at 90%, on a now / next / "
      .. "later roadmap",
      id = "range",
      next = function(game) return "marcus_promise" end,
      score = { roadmap = 3, negotiation = 2 },
      effects = { trust = -5 },
      set = { "range_given" },
      feedback = "A range is honest about uncertainty and teaches the board to plan with it. "
              .. "Ruth may grumble about the width today; she will trust your next number "
              .. "more. Trust lost now is cheaper than trust lost in October." },
    { "Commit to an outcome, not a date: ten firms of 20+ technicians dispatching daily "
      .. "by year end",
      id = "outcome_commit",
      role = "pm",
      next = function(game) return "marcus_promise" end,
      score = { roadmap = 3, launch = 1, negotiation = 2 },
      effects = { trust = -5 },
      set = { "range_given" },
      feedback = "Reframing the date question as an outcome gives the board what it really "
              .. "needs for the round (evidence that Teams works) and leaves the team room to "
              .. "find the best way there. Bring the range too: boards still plan cash by month." },
    { "Give only the date the team will commit to, December, and promise nothing "
      .. "earlier than that",
      id = "december",
      next = function(game) return "marcus_promise" end,
      score = { roadmap = 1, negotiation = 1 },
      set = { "range_given" },
      feedback = "A conservative commitment is honest and easy to keep. It hides the "
              .. "uncertainty instead of sharing it, and the board will plan as if October "
              .. "were impossible." },
    { "Promise September: the board needs confidence for the round, and the team works "
      .. "best against a hard date",
      id = "promise_sept",
      next = function(game) return "marcus_promise" end,
      score = { roadmap = -2, negotiation = -1 },
      effects = { trust = 10 },
      set = { "date_promised" },
      feedback = "The board leaves happy and the round's deck gets a date. You promised the "
              .. "optimistic end of an estimate that hadn't been broken down yet; September "
              .. "will send the bill." },
  },
}

scene "marcus_promise" {
  title = "Marcus Promised What?",
  phase = "Growth",
  by = "pm",
  text = function(game)
    local heard = ""
    if game.flags.brightwater_heard then
      heard = "\n\nMarcus, after a call to their office manager: \"She exports invoices to "
        .. "QuickBooks by hand every Friday. That's it. Once a week.\""
    end
    return "Marcus closed Brightwater Electric last night: 22 technicians, a three-year "
      .. "contract. The contract he sent says, on page four: \"QuickBooks sync included, "
      .. "live by June 1\".\n\nNobody has started QuickBooks sync. It isn't on the "
      .. "roadmap. It is May.\n\nMarcus, not quite apologising: \"Every competitor has it. "
      .. "I had to, or they'd have signed with Jobsite360.\"" .. heard
  end,
  choices = {
    { "Ask Marcus what Brightwater actually does with QuickBooks, before anyone decides "
      .. "what to build",
      id = "ask_marcus",
      once = true,
      next = "marcus_promise",
      score = { negotiation = 1 },
      set = { "brightwater_heard" },
      feedback = "Separate the person from the problem, and the position from the interest: "
              .. "\"QuickBooks sync\" is what Marcus wrote; what Brightwater needs is another "
              .. "question, and only they can answer it." },
    { "Call Brightwater with Marcus: a weekly export meets their need; then start a deal "
      .. "review before promises",
      id = "deal_desk",
      locked = "Needs to know what Brightwater actually needs",
      requires = { "brightwater_heard" },
      next = "series_a",
      score = { negotiation = 3, roadmap = 1 },
      effects = { trust = 5 },
      set = { "deal_desk" },
      feedback = "Separate the person from the problem: Brightwater may only need invoices "
              .. "exported once a week, two days of work. A standing deal review turns future "
              .. "promises into trade-offs made before signing, and Marcus keeps his dignity." },
    { "Build a one-way export for June (two days), and tell Marcus full sync competes on "
      .. "the WSJF list",
      id = "export_only",
      next = "series_a",
      score = { negotiation = 1, backlog = 1 },
      effects = { trust = 5 },
      feedback = "A pragmatic middle: the customer gets something real by the date, and the "
              .. "big item is ordered on its merits. Without a process change, the next "
              .. "promise is already being typed." },
    { "Build the full sync by June: the contract is signed, breaking our word costs more "
      .. "than a sprint, and he had to",
      id = "build_it",
      next = "series_a",
      score = { roadmap = -2, negotiation = -1 },
      effects = { debt = 10, trust = 5, morale = -5 },
      feedback = "The deal is saved, and every salesperson has learned that a signed contract "
              .. "beats the roadmap. The next promise is already being typed." },
    { "Escalate to Priya: Marcus signed what wasn't his to sign, and that has to stop "
      .. "at once",
      id = "escalate",
      next = "series_a",
      score = { negotiation = -2 },
      effects = { trust = -10, morale = -5 },
      feedback = "Marcus was wrong, but making it a fight about him turns a process gap into "
              .. "a feud between product and sales. The clause is still in the contract." },
  },
}
end

scene "series_a" {
  title = "The Next Round",
  phase = "Growth",
  by = "pm",
  on_enter = function(game)
    -- Meanwhile: three months of a bigger team.
    burn(game, 3)
    local strength = game.stats.trust + game.stats.customers / 2 + game.random(-15, 15)
    if game.flags.goal_set then strength = strength + 10 end
    if game.flags.bluffed then strength = strength - 10 end
    if strength >= 80 then
      game.flags.series_a_strong = true
      game.stats.runway = game.stats.runway + 20
    elseif strength >= 45 then
      game.flags.series_a_small = true
      game.stats.runway = game.stats.runway + 10
    else
      game.stats.runway = game.stats.runway + 4
    end
  end,
  text = function(game)
    local round
    if game.flags.series_a_strong then
      round = "With ${revenue}k a month and growing 10% a month, it is too early for a Series "
        .. "A (funds want one to three million a year in recurring revenue), but not for a "
        .. "seed extension: Northgate and Lakeline put in $3M at $15M before the money. Ruth: "
        .. "\"Come back for the A when Teams has proved itself.\" Runway: {runway} months."
    elseif game.flags.series_a_small then
      round = "The existing investors put in $1.5M more at the seed price, with tougher "
        .. "terms. Nobody says \"Series A\" yet; revenue is ${revenue}k a month. Runway: "
        .. "{runway} months."
    else
      round = "The extension doesn't come together. Two funds passed, citing \"stakeholder "
        .. "concerns\". Priya raises $500k from her angels: {runway} months of runway."
    end
    local ask = "Priya has a hiring plan on the whiteboard and a question for you: \"How do "
      .. "we spend it, {player}?\""
    if not (game.flags.series_a_strong or game.flags.series_a_small) then
      ask = "Priya's hiring plan is still on the whiteboard. \"What can we still afford, "
        .. "{player}?\""
    end
    return round .. "\n\n" .. ask
  end,
  choices = {
    { "Hire against the plan: a second product team, a support lead and a product "
      .. "marketer, each tied to the launch",
      id = "hire_to_plan",
      when = function(game) return game.flags.series_a_strong or game.flags.series_a_small end,
      locked = "Only with new money in the bank",
      next = "launch_strategy",
      score = { roadmap = 2, vision = 1 },
      effects = { morale = 5, runway = -3 },
      feedback = "Hiring to objectives keeps headcount a means, not a goal. Each new person "
              .. "knows what they were hired to change, which shortens onboarding and makes "
              .. "the next budget conversation easy. It spends runway before Teams has proved "
              .. "anything." },
    { "Hire in steps: the second team now, support and marketing only when the Teams beta "
      .. "meets its exit criterion",
      id = "hire_in_steps",
      next = "launch_strategy",
      score = { roadmap = 2 },
      effects = { runway = -1 },
      feedback = "Tying each hire to a milestone keeps the runway for the moment you know "
              .. "more. Right when the money is tight or the launch uncertain; with a strong "
              .. "round, it can leave the launch under-staffed." },
    { "Bank it: hire just three engineers, and stretch the runway until the market tells "
      .. "us more clearly what Teams is worth",
      id = "bank_it",
      next = "launch_strategy",
      score = { roadmap = -1 },
      effects = { runway = 2, morale = -5 },
      feedback = "Prudence is a virtue when the market is unsure, but three engineers with "
              .. "no objective behind them spread the money thin, and nobody is hired to "
              .. "support or sell what they build." },
    { "Hire 30 people in six months: grow into the valuation before Jobsite360 notices "
      .. "the segment and moves in on it",
      id = "spree",
      when = function(game) return game.flags.series_a_strong or game.flags.series_a_small end,
      locked = "Only with new money in the bank",
      next = "launch_strategy",
      score = { roadmap = -2 },
      effects = { runway = -8, morale = -10 },
      set = { "hiring_spree" },
      feedback = "Headcount is the easiest number to grow and the hardest to undo. Thirty "
              .. "people without clear objectives create coordination work faster than "
              .. "product, and the runway shrinks at the same speed." },
  },
}
