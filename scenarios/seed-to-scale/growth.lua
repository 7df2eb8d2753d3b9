-- Phase 2, Growth: months 18 to 21 (March to June). A sales team, a big customer, a backlog
-- that has outgrown one head, design, development and testing to keep in one
-- flow, and a roadmap that sales, investors and engineers all pull at.

scene "growth_intro" {
  title = "Month Eighteen",
  phase = "Growth",
  on_enter = function(game)
    -- The first year's decisions compound into the customer base.
    local gained = 45
    if game.flags.validated then gained = gained + 15 end
    if game.flags.goal_set then gained = gained + 10 end
    if game.flags.mvp_cut or game.flags.thin_slice then gained = gained + 10 end
    if game.flags.beta_exit then gained = gained + 10 end
    if game.flags.open_early then gained = gained - 10 end
    if game.flags.build_all then gained = gained - 5 end
    if game.flags.broad_vision then gained = gained - 5 end
    if game.flags.hired_sales and game.flags.hire_ok then gained = gained + 5 end
    game.stats.customers = game.stats.customers + gained
    -- How the first hire was treated is still remembered.
    if game.flags.hire_ok and game.flags.fair_offer then game.stats.morale = game.stats.morale + 5 end
    if game.flags.hire_ok and game.flags.lowballed then game.stats.morale = game.stats.morale - 5 end
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
      design = design .. " Your first hire still tells new joiners about the offer call, and "
        .. "turned down a bigger company last month because of how it went."
    elseif game.flags.hire_ok and game.flags.lowballed then
      design = design .. " Your first hire found out what the others were paid, and hasn't "
        .. "mentioned it since, which is worse."
    end
    return "Month eighteen. Fieldnote has {customers} paying firms and ${revenue}k a month "
      .. "in revenue. " .. money .. "\n\n"
      .. "The team is eleven people." .. design .. " Marcus Bell joined as head of sales "
      .. "last autumn and has closed 19 deals since. He talks in quarters and closes in "
      .. "weeks.\n\n"
      .. "The backlog has 212 items. Everyone who added one calls theirs priority one."
  end,
  choices = {
    { "Run a WSJF session: Tomás, Hana and Marcus score the top fifty on cost of delay "
      .. "(user value, time criticality, risk reduction) over size, together",
      next = "climacore",
      score = { roadmap = 3, negotiation = 1 },
      effects = { morale = 5 },
      set = { "wsjf" },
      feedback = "WSJF makes the ordering explicit and shared: Marcus argues value with the "
              .. "same numbers Tomás uses for size, and nobody needs you in the room to know "
              .. "why item 12 isn't item 3. It takes a day; it saves a quarter of arguments." },
    { "Archive everything that doesn't serve the objective, then order what's left by how "
      .. "much it cuts job-to-invoice time",
      requires = { "goal_set" },
      locked = "Needs a written outcome objective",
      next = "climacore",
      score = { roadmap = 2, vision = 1 },
      effects = { morale = 5 },
      feedback = "A backlog is not a wish list: archiving what doesn't serve the objective "
              .. "is saying no at scale. Ordering by one outcome is simple; the risk is that "
              .. "cost and risk get less attention than value." },
    { "Let Marcus order the top twenty: he's closest to revenue",
      next = "climacore",
      score = { roadmap = -2 },
      effects = { trust = 10 },
      set = { "sales_led" },
      feedback = "Sales will love it this quarter. But the backlog now reflects the last "
              .. "twenty sales calls, not the product's goal, and the team will learn that the "
              .. "fastest way to the top is through Marcus." },
    { "Order it yourself tonight and present it on Monday",
      next = "climacore",
      score = { roadmap = 0 },
      effects = { morale = -5 },
      feedback = "Someone has to decide, and the PO decides the order. But an order only you "
              .. "understand must be defended item by item, forever. Make the method "
              .. "visible and the decisions get easier." },
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
  choices = {
    { "Offer a paid pilot: 40 technicians in two branches from May, the dispatch board "
      .. "built with her branch managers, single sign-on in Q4, no custom reports",
      act = function(game)
        if game.random(1, 100) <= 75 then
          game.flags.climacore_pilot = true
        else
          game.flags.climacore_lost = true
        end
        update_revenue(game)
      end,
      next = function(game) return po_turn(game) and "story_slicing" or "market_sizing" end,
      score = { negotiation = 3, roadmap = 1 },
      effects = { trust = 5 },
      feedback = "A paid pilot trades what Linda needs (proof it works in her branches) for "
              .. "what you need (discovery with real dispatchers, and dates you control). "
              .. "Saying no to custom reports is what keeps it from becoming a consulting "
              .. "contract. She may still walk; that is a risk worth taking." },
    { "Say yes to everything by September: this deal makes the year",
      act = update_revenue,
      next = function(game) return po_turn(game) and "story_slicing" or "market_sizing" end,
      score = { negotiation = -2, roadmap = -2 },
      effects = { trust = 15, debt = 20, morale = -10 },
      set = { "climacore_contract", "overpromised" },
      feedback = "It looks like a win on the revenue chart today. But you just let one "
              .. "customer write a third of the roadmap, against a date nobody estimated. "
              .. "The bill arrives in September, paid in debt, morale and every other "
              .. "customer's features." },
    { "Make the trade-off visible to Priya and Marcus: \"If we build this by September, "
      .. "offline photo sync and the Android app slip to next year\"; then offer Linda the pilot",
      role = "pm",
      act = function(game)
        if game.random(1, 100) <= 75 then
          game.flags.climacore_pilot = true
        else
          game.flags.climacore_lost = true
        end
        update_revenue(game)
      end,
      next = function(game) return po_turn(game) and "story_slicing" or "market_sizing" end,
      score = { negotiation = 3, roadmap = 2 },
      effects = { trust = 5 },
      feedback = "\"If we add this, that moves\" turns a yes-or-no fight into a choice between "
              .. "priorities that Priya and Marcus can see. The pilot then protects both the "
              .. "deal and the roadmap." },
    { "Decline: a 400-technician chain is not our segment",
      next = function(game) return po_turn(game) and "story_slicing" or "market_sizing" end,
      score = { vision = 1, negotiation = -1 },
      effects = { trust = -10 },
      set = { "climacore_declined" },
      feedback = "Protecting focus is right, but a flat no skips the question of interests: "
              .. "dispatching is also a pain your firms with ten or more vans describe. You "
              .. "left learning and money on the table without exploring either." },
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

scene "story_slicing" {
  title = "Twelve Pages",
  phase = "Growth",
  by = "po",
  text = function(game)
    return dispatch_source(game) .. "\n\n"
      .. "Dispatch is clearly the next big piece of work, and turning it into a backlog is "
      .. "your job. Tomás: \"I can't estimate a document. I can estimate stories.\" Hana "
      .. "wants to sit in a dispatch office for a morning before anyone draws a screen."
  end,
  choices = {
    { "Go with Hana to a dispatch office, then split the work into thin vertical slices "
      .. "with acceptance criteria; first slice: drag a job onto a technician",
      next = function(game) return game.duet and "market_sizing" or "flow" end,
      score = { roadmap = 3, vision = 1 },
      set = { "slices" },
      feedback = "Seeing the work first, then slicing it thin: each slice is usable, testable "
              .. "and small enough to learn from. The twelve pages become a source of ideas, "
              .. "not a contract." },
    { "Turn the twelve pages into 40 user stories as written, and let the team estimate",
      next = function(game) return game.duet and "market_sizing" or "flow" end,
      score = { roadmap = 0 },
      feedback = "Stories copied from a document are a spec in disguise: they carry the "
              .. "author's solution, not the dispatcher's problem. Estimates on them will be "
              .. "precise and wrong." },
    { "Ask Tomás to design the whole system up front, so nothing is missed",
      next = function(game) return game.duet and "market_sizing" or "flow" end,
      score = { roadmap = -2 },
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
    { "Interview eight dispatchers at firms of 10 to 50 technicians, and count how many "
      .. "prospects in the pipeline fit that profile",
      next = "flow",
      score = { vision = 1, launch = 2 },
      effects = { runway = -1 },
      set = { "market_sized" },
      feedback = "Before a quarter of work goes into dispatch, you check it is a product and "
              .. "not a favour: eight interviews for the problem, the pipeline for the size of "
              .. "the market. A month of runway well spent." },
    { "Buy an analyst report on the field-service software market",
      next = "flow",
      score = { launch = 1 },
      effects = { runway = -1 },
      feedback = "A top-down market size impresses investors, but it says nothing about "
              .. "whether your firms' dispatchers will use your board or pay for it. Useful "
              .. "context, weak evidence." },
    { "Trust Marcus: he talks to customers every day",
      next = "flow",
      score = { vision = -1, launch = -1 },
      feedback = "Marcus hears the firms that are buying, not the ones that aren't, and he "
              .. "is paid to be optimistic. His instinct is a hypothesis, not the evidence "
              .. "Ruth asked for." },
    { "Hand the twelve pages to the team as the spec and start",
      next = "flow",
      score = { roadmap = -1 },
      feedback = "Building from a customer's document skips both questions: is it the right "
              .. "problem, and is it a market. The team will build exactly what was written." },
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
    return "Sprint review, week six of the dispatch work. Hana's designs for the board "
      .. "arrived when " .. engineers .. " had already built half of it. Testing happens in the "
      .. "last two days of each sprint, by whoever is free; this sprint, eleven bugs reached "
      .. "customers.\n\n"
      .. "Tomás: \"We're a relay race where everybody drops the baton.\" Hana, quietly: "
      .. "\"Nobody asked me what the dispatcher needs to see first.\""
  end,
  choices = {
    { "Agree a definition of done with the whole team: designed, built, tested and shown to "
      .. "a user before anything counts as done",
      next = "tech_debt",
      score = { roadmap = 3 },
      effects = { morale = 5, debt = -5 },
      set = { "dod" },
      feedback = "A shared definition of done keeps design, development and testing in one "
              .. "flow. Velocity will look lower for two sprints: that is the real speed "
              .. "finally showing, without the bugs that used to hide it." },
    { "Sit with the team at refinement every week and write acceptance criteria with them "
      .. "before a story enters a sprint",
      role = "po",
      next = "tech_debt",
      score = { roadmap = 2 },
      effects = { morale = 5 },
      set = { "dod" },
      feedback = "This is the Product Owner's part of the flow: criteria written with the "
              .. "people who build and test, before the work starts, so design and testing "
              .. "are part of the story instead of afterthoughts." },
    { "Hire a QA contractor to test everything at the end of each sprint",
      next = "tech_debt",
      score = { roadmap = 0 },
      effects = { runway = -1 },
      feedback = "More testing helps, but testing at the end finds problems when they are "
              .. "most expensive and keeps the relay race. It treats the symptom, not the "
              .. "hand-offs." },
    { "Skip formal testing for a month to keep the dispatch date",
      next = "tech_debt",
      score = { roadmap = -2 },
      effects = { debt = 15, morale = -5 },
      feedback = "The date looks safer this month. The bugs you don't catch now reach "
              .. "customers, and each one costs more to fix than the testing it saved." },
  },
}

scene "tech_debt" {
  title = "The Sync Bug",
  phase = "Growth",
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
    return "Tomás puts a chart on the screen. " .. rate .. " loses its photos when a phone "
      .. "reconnects after a basement. \"It's the sync layer I wrote in month three. I want "
      .. "three weeks to replace it properly.\"\n\n"
      .. "Marcus: \"Three weeks with no new features? I have twelve demos booked.\"" .. wsjf
      .. "\n\n"
      .. "Tech debt stands at {debt}."
  end,
  choices = {
    { "Reserve 20% of every sprint for debt, start with the sync layer, and show Marcus "
      .. "what it protects: the photos are the crews' proof of work",
      next = function(game)
        if game.stats.debt + game.random(0, 20) >= 40 then return "incident" end
        return "board_update"
      end,
      score = { roadmap = 3, negotiation = 1 },
      effects = { debt = -20 },
      set = { "debt_budget" },
      feedback = "Paying debt deliberately, every sprint, is cheaper than paying it in "
              .. "emergencies, and translating it into what customers lose is how sales "
              .. "learns to defend it too." },
    { "Park it: features sell, bugs don't",
      next = function(game)
        if game.stats.debt + game.random(0, 20) >= 40 then return "incident" end
        return "board_update"
      end,
      score = { roadmap = -2 },
      effects = { debt = 15, trust = 5 },
      feedback = "Sales is happy and the demos go ahead. The debt keeps compounding, and it "
              .. "will choose its own moment to be paid: usually a Friday afternoon." },
    { "Stop all feature work for six weeks and rewrite everything",
      next = function(game)
        if game.stats.debt + game.random(0, 20) >= 40 then return "incident" end
        return "board_update"
      end,
      score = { roadmap = -1 },
      effects = { debt = -30, trust = -15, morale = -5 },
      feedback = "The big-bang rewrite fixes the bug and freezes the business: customers see "
              .. "nothing for six weeks, and a full rewrite brings bugs of its own. Small, "
              .. "steady repayment would have done it without the freeze." },
  },
}

scene "incident" {
  title = "Friday, 4:52 pm",
  phase = "Growth",
  timer = 60,
  timeout = 3,
  text = [[
Gary Doyle calls. "Your app ate a week of my photos. I've a customer disputing
a six-thousand-dollar bill and no pictures of the leak."

Support has 37 tickets like it in the last hour. Tomás thinks it is
Wednesday's release. Half the team has left for the weekend.

Decide now.]],
  choices = {
    { "Roll back Wednesday's release, tell every affected customer what happened and what "
      .. "you're doing, and call Gary back yourself",
      next = "board_update",
      score = { launch = 3, negotiation = 1 },
      effects = { trust = 5, morale = -5, debt = -5 },
      set = { "incident_owned" },
      feedback = "Roll back first, explain second, fix third. Telling customers before they "
              .. "find out costs a weekend and some pride; it earns the trust that keeps them "
              .. "through the next incident." },
    { "Hotfix forward tonight and say nothing: most customers won't notice",
      next = "board_update",
      score = { launch = -2 },
      effects = { morale = -10 },
      set = { "hid_incident" },
      feedback = "A hotfix under pressure with no rollback risks a second incident, and "
              .. "silence works only until the first customer compares notes with another. "
              .. "Gary will." },
    { "Leave it until Monday: nobody thinks straight on a Friday",
      next = "board_update",
      score = { launch = -3 },
      effects = { customers = -6, trust = -10 },
      feedback = "Every hour of data loss is a crew without proof of its work. Waiting turns "
              .. "an incident into a reputation; six firms cancel before Monday." },
  },
}

scene "board_update" {
  title = "The Board Wants a Date",
  phase = "Growth",
  by = "pm",
  text = function(game)
    local incident = ""
    if game.flags.incident_owned then
      incident = " Ruth opens with: \"I heard how you handled the photo incident. Good.\""
    elseif game.flags.hid_incident then
      incident = " Ruth opens with: \"Gary Doyle tells me you lost his photos. I'd rather "
        .. "have heard it from you.\""
    end
    return "Quarterly board meeting. Revenue is ${revenue}k a month, from {customers} "
      .. "firms." .. incident .. "\n\n"
      .. "Ruth: \"Marcus says a Teams plan with the dispatch board will win the bigger firms. "
      .. "When does it launch? I need a date for the Series A story.\"\n\n"
      .. "Tomás's estimate for Teams (dispatch board, roles for office staff, single sign-on) "
      .. "is four to seven months. Priya looks at you."
  end,
  choices = {
    { "Give a range with confidence: October at 50%, December at 90%; show a now / next / "
      .. "later roadmap and what would pull the date in",
      next = "marcus_promise",
      score = { roadmap = 3, negotiation = 2 },
      effects = { trust = -5 },
      set = { "range_given" },
      feedback = "A range is honest about uncertainty and teaches the board to plan with it. "
              .. "Ruth may grumble about the width today; she will trust your next number "
              .. "more. Trust lost now is cheaper than trust lost in October." },
    { "Commit to an outcome instead of a feature date: ten firms of 20+ technicians "
      .. "dispatching daily on Teams by year end; show the now / next / later roadmap",
      role = "pm",
      next = "marcus_promise",
      score = { roadmap = 3, launch = 1, negotiation = 2 },
      effects = { trust = -5 },
      set = { "range_given" },
      feedback = "Reframing the date question as an outcome gives the board what it really "
              .. "needs for the round (evidence that Teams works) and leaves the team room to "
              .. "find the best way there." },
    { "Promise September: the board needs confidence",
      next = "marcus_promise",
      score = { roadmap = -2, negotiation = -1 },
      effects = { trust = 10 },
      set = { "date_promised" },
      feedback = "The board leaves happy and the Series A deck gets a date. You promised the "
              .. "optimistic end of an estimate that hadn't been broken down yet; September "
              .. "will send the bill." },
    { "Refuse to give a date: \"We're agile; it's ready when it's ready\"",
      next = "marcus_promise",
      score = { roadmap = -1, negotiation = -2 },
      effects = { trust = -15 },
      feedback = "Agile is not a reason to withhold information from the people funding the "
              .. "work. A board without a forecast makes up its own, and it is rarely kinder "
              .. "than yours." },
  },
}

scene "marcus_promise" {
  title = "Marcus Promised What?",
  phase = "Growth",
  text = [[
Marcus closed Brightwater Electric last night: 22 technicians, a three-year
contract. The contract he sent says, on page four: "QuickBooks sync included,
live by June 1".

Nobody has started QuickBooks sync. It isn't on the roadmap. It is May.

Marcus, not quite apologising: "Every competitor has it. I had to, or they'd
have signed with Jobsite360."]],
  choices = {
    { "Separate the person from the problem: ask Marcus what Brightwater actually needs, "
      .. "call them together, and set up a weekly deal review where sales asks before promising",
      next = "series_a",
      score = { negotiation = 3, roadmap = 1 },
      effects = { trust = 5 },
      set = { "deal_desk" },
      feedback = "Brightwater may only need invoices exported once a week, which is two days "
              .. "of work. A standing deal review turns future promises into trade-offs made "
              .. "before signing, and Marcus keeps his dignity and his deal." },
    { "Build it: the contract is signed",
      next = "series_a",
      score = { roadmap = -2, negotiation = -1 },
      effects = { debt = 10, trust = 5, morale = -5 },
      feedback = "The deal is saved, and every salesperson has learned that a signed contract "
              .. "beats the roadmap. The next promise is already being typed." },
    { "Escalate to Priya and have Marcus reprimanded",
      next = "series_a",
      score = { negotiation = -2 },
      effects = { trust = -10, morale = -5 },
      feedback = "Marcus was wrong, but making it a fight about him turns a process gap into "
              .. "a feud between product and sales. The clause is still in the contract." },
    { "Email Brightwater that the clause was a mistake and strike it",
      next = "series_a",
      score = { negotiation = -1 },
      effects = { trust = -10, customers = -1 },
      feedback = "Honest, but one-sided: you undid your own company's word without finding "
              .. "out what the customer needed. Brightwater walks, and Marcus learns to go "
              .. "around you next time." },
  },
}

scene "series_a" {
  title = "Series A",
  phase = "Growth",
  on_enter = function(game)
    if game.visits.series_a > 1 then return end
    local strength = game.stats.trust + game.stats.customers / 2 + game.random(-15, 15)
    if game.flags.goal_set then strength = strength + 10 end
    if game.flags.bluffed then strength = strength - 10 end
    if strength >= 80 then
      game.flags.series_a_strong = true
      game.stats.runway = game.stats.runway + 24
    elseif strength >= 45 then
      game.flags.series_a_small = true
      game.stats.runway = game.stats.runway + 14
    else
      game.stats.runway = game.stats.runway + 4
    end
  end,
  text = function(game)
    local round
    if game.flags.series_a_strong then
      round = "Northgate leads an $11M Series A. Ruth: \"Your retention curve did the "
        .. "talking.\" Runway jumps to {runway} months."
    elseif game.flags.series_a_small then
      round = "The Series A closes, smaller than hoped: $6M, with tougher terms. Runway: "
        .. "{runway} months."
    else
      round = "The Series A doesn't close. Two funds passed, citing \"stakeholder concerns\". "
        .. "Priya raises a $1M extension from existing investors: {runway} months of runway."
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
      .. "marketer, each hire tied to an objective for the Teams launch",
      when = function(game) return game.flags.series_a_strong or game.flags.series_a_small end,
      next = function(game) return broke(game, 10, "crunch_launch") or "launch_strategy" end,
      score = { roadmap = 2, vision = 1 },
      effects = { morale = 5, runway = -2 },
      feedback = "Hiring to objectives keeps headcount a means, not a goal. Each new person "
              .. "knows what they were hired to change, which shortens onboarding and makes "
              .. "the next budget conversation easy." },
    { "Hire only the support lead; everything else waits until Teams is in beta",
      when = function(game)
        return not (game.flags.series_a_strong or game.flags.series_a_small)
      end,
      next = function(game) return broke(game, 10, "crunch_launch") or "launch_strategy" end,
      score = { roadmap = 2, vision = 1 },
      effects = { runway = 4 },
      feedback = "With no Series A, every hire must pay for itself before the launch. Protect "
              .. "the runway and the one goal." },
    { "Hire 30 people in six months: grow into the valuation",
      when = function(game) return game.flags.series_a_strong or game.flags.series_a_small end,
      locked = "Only with a Series A in the bank",
      next = function(game) return broke(game, 10, "crunch_launch") or "launch_strategy" end,
      score = { roadmap = -2 },
      effects = { runway = -8, morale = -10 },
      set = { "hiring_spree" },
      feedback = "Headcount is the easiest number to grow and the hardest to undo. Thirty "
              .. "people without clear objectives create coordination work faster than "
              .. "product, and the runway shrinks at the same speed." },
    { "Bank it: hire three people and stretch the runway",
      next = function(game) return broke(game, 10, "crunch_launch") or "launch_strategy" end,
      score = { roadmap = 0 },
      effects = { runway = 3, morale = -5 },
      feedback = function(game)
        if game.flags.series_a_strong or game.flags.series_a_small then
          return "Prudence is a virtue when the market is unsure. But you have traction and a "
            .. "launch to staff, and under-investing now hands the mid-market to Jobsite360."
        end
        return "Without a round, stretching the runway is right. But three hires with no "
          .. "objective behind them spread the money thin: tie each hire to the Teams launch, "
          .. "or wait."
      end },
  },
}
