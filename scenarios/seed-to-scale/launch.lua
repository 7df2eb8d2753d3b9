-- Phase 3, Launch: months 22 to 27 (July to December). Fieldnote Teams, the first major
-- release: strategy, pricing, go-to-market, a slipping date, the market's
-- answer, return on investment and managing the product after the launch.

scene "launch_strategy" {
  title = "Fieldnote Teams",
  phase = "Launch",
  by = "pm",
  on_enter = function(game)
    if game.visits.launch_strategy > 1 then return end
    -- A year of growth: how the backlog, the debt and sales were run shows here.
    local gained = 30
    if game.stats.debt < 25 then gained = gained + 15 end
    if game.flags.deal_desk then gained = gained + 5 end
    if game.flags.incident_owned then gained = gained + 5 end
    if game.flags.hid_incident then gained = gained - 10 end
    if game.flags.hiring_spree then gained = gained + 10 end
    if game.flags.climacore_lost or game.flags.climacore_declined then gained = gained - 5 end
    game.stats.customers = game.stats.customers + gained
    update_revenue(game)
  end,
  text = function(game)
    local proof
    if game.flags.climacore_pilot then
      proof = "In ClimaCore's two pilot branches, the time from a job being assigned to a "
        .. "technician being on the road fell from 40 minutes to 12."
    elseif game.flags.climacore_contract then
      proof = "ClimaCore's branch managers use the dispatch board daily, and complain daily "
        .. "about the custom reports that never came."
    else
      proof = "Three of your larger customers have used an early dispatch board for two "
        .. "months and say they would pay for it."
    end
    return "Month twenty-two. The Teams plan (the dispatch board, roles for office staff, single "
      .. "sign-on) is nine weeks from done. " .. proof .. "\n\n"
      .. "Priya wants to launch it at ServiceCon in Las Vegas, where 8,000 contractors "
      .. "gather, in ten weeks. \"Picture it: our booth, the big screen, a live dispatch "
      .. "board.\"\n\n"
      .. "You have {customers} customers and {runway} months of runway."
  end,
  choices = {
    { "Target one segment: firms with 10 to 50 technicians and a dispatcher. Position "
      .. "against the spreadsheet, not Jobsite360. Beta with 12 customers first; exit when "
      .. "dispatchers use it daily for three weeks",
      when = function(game) return game.stats.customers >= 30 end,
      locked = "Needs at least 30 customers to recruit a beta from",
      next = "pricing",
      score = { launch = 3, vision = 1 },
      set = { "segment_set" },
      feedback = "A clear segment and a clear enemy (the spreadsheet) make every later launch "
              .. "decision easier, from the booth demo to the pricing page. The beta with an "
              .. "exit criterion means ServiceCon shows something proven." },
    { "Write a one-page positioning statement and a launch brief with sales, support and "
      .. "marketing before deciding anything about the event",
      role = "pm",
      next = "pricing",
      score = { launch = 3, roadmap = 1 },
      set = { "segment_set", "launch_brief" },
      feedback = "Positioning first: for whom, against what, and why now, written down and "
              .. "agreed with the people who will sell and support it. The event becomes a "
              .. "tactic serving the strategy instead of the strategy itself." },
    { "Launch to everyone at ServiceCon, every size of firm, with a 40% show discount",
      next = "pricing",
      score = { launch = -2 },
      effects = { trust = 5 },
      set = { "big_bang" },
      feedback = "A big bang feels bold and spreads a small team across every kind of "
              .. "customer at once. Without a target segment, nobody can say afterwards "
              .. "whether the launch worked, or for whom." },
    { "Go enterprise-only: chase ClimaCore look-alikes with a sales team",
      next = "pricing",
      score = { launch = -1, vision = -1 },
      feedback = "Large deals are tempting, but your product and your {customers} customers are "
              .. "mid-market. Switching to enterprise now builds for the largest prospects and "
              .. "abandons the segment where you win." },
  },
}

scene "pricing" {
  title = "The Price Tag",
  phase = "Launch",
  by = "pm",
  text = function(game)
    local known = "Nobody has asked a customer."
    if game.flags.revenue_hypothesis then
      known = "Your pilot hypothesis from year one held: firms paid $29 a technician without "
        .. "blinking. Nobody has tested what they would pay for dispatch."
    end
    return "Fieldnote costs $29 per technician per month. Teams needs its own price.\n\n"
      .. "Priya: \"Jobsite360 charges $99 a technician. We charge $49 and look like a "
      .. "bargain.\" Marcus: \"Charge $19 and we crush them.\" Ruth, by email: \"Whatever "
      .. "you pick, tell me why.\"\n\n" .. known
  end,
  choices = {
    { "Test it: put $39, $49 and $69 (dispatch included) in front of 30 prospects in real "
      .. "sales conversations and on a landing page; pick on conversion and willingness to pay",
      when = function(game) return game.stats.runway >= 3 end,
      locked = "A pricing test needs at least 3 months of runway",
      next = "gtm_plan",
      score = { launch = 3 },
      effects = { runway = -1 },
      set = { "price_tested" },
      feedback = "Pricing tested rather than guessed: real conversations show what firms "
              .. "compare you to and what they would drop to pay for you. It costs three weeks "
              .. "and usually finds money nobody's gut would have asked for." },
    { "Go with $49: Priya's instinct has been good",
      next = "gtm_plan",
      score = { launch = -1 },
      effects = { trust = 5 },
      feedback = "It may even be the right number, but nobody will ever know why, and the "
              .. "first objection from a customer will find you with no evidence." },
    { "Undercut at $19 to win market share",
      next = "gtm_plan",
      score = { launch = -2 },
      effects = { trust = 5 },
      set = { "cheap_price" },
      feedback = "Competing on price against a bigger rival is a race you lose slowly: it "
              .. "attracts the customers most likely to leave, and raising the price later "
              .. "is much harder than starting right." },
    { "Price per company: a flat $499 a month, simple for sales",
      next = "gtm_plan",
      score = { launch = 0 },
      feedback = "Simple is good, but a flat price ignores your value metric: a 50-technician "
              .. "firm gets five times the value of a 10-technician one for the same price. "
              .. "Untested either way." },
  },
}

scene "gtm_plan" {
  title = "Who Needs to Know What",
  phase = "Launch",
  text = [[
Six weeks to ServiceCon. Support is two people who have never seen the
dispatch board. Marcus's team is still using a demo from the spring. Hana has
booth mock-ups; nobody has approved them.

Nobody has written down what a successful launch would look like.]],
  choices = {
    { "Write the launch plan with sales, support and marketing: enablement sessions, a "
      .. "support playbook, and success metrics set now (activation within 14 days, "
      .. "retention at 90)",
      next = "date_slip",
      score = { launch = 3 },
      effects = { morale = 5 },
      set = { "gtm_plan", "metrics_set" },
      feedback = "Metrics chosen before launch day are the only ones you can trust after it; "
              .. "chosen afterwards, they are chosen to look good. Support and sales trained "
              .. "in advance turn launch-day questions into answers." },
    { "Agree with Tomás what \"done enough to ship\" means for the board, and make the "
      .. "release criteria visible to everyone",
      role = "po",
      next = "date_slip",
      score = { roadmap = 1 },
      set = { "metrics_set" },
      feedback = "Deciding what is done enough to release is the Product Owner's call, and "
              .. "making the criteria visible means the date conversation that is coming "
              .. "will be about facts. Sales and support still need their own plan." },
    { "Measure success by sign-ups at the booth",
      next = "date_slip",
      score = { launch = -1 },
      set = { "vanity_metric" },
      feedback = "Booth sign-ups measure how good the coffee was. A launch succeeds when "
              .. "firms activate and stay; pick a number that can only go up if that happens." },
    { "Focus on the product; marketing will sort out the rest",
      next = "date_slip",
      score = { launch = -2 },
      feedback = "A launch is a cross-team event, not a release note. Support learns about "
              .. "the dispatch board from the first angry ticket, and sales demos the spring "
              .. "version to 8,000 contractors." },
  },
}

scene "date_slip" {
  title = "Three Weeks Short",
  phase = "Launch",
  by = "both",
  conflict = "slip_settle",
  text = function(game)
    local promise = ""
    if game.flags.date_promised then
      promise = "\n\nAnd you promised the board September. ServiceCon *is* September."
    elseif game.flags.range_given then
      promise = "\n\nYour range to the board said October at 50%. This is that risk "
        .. "arriving, and nobody on the board will be surprised."
    end
    if game.flags.dod then
      promise = promise .. " Thanks to the definition of done, what Tomás calls working is "
        .. "tested and working."
    end
    return "Four weeks to ServiceCon. Tomás: \"The dispatch board works. Recurring jobs and "
      .. "single sign-on for the big accounts don't. Three more weeks. Realistically, "
      .. "four.\"\n\n"
      .. "Marcus has 40 demos booked at the booth. Tech debt stands at {debt}." .. promise
  end,
  choices = {
    { "Cut scope: ship the board for firms of 10 to 50 at ServiceCon, move recurring jobs "
      .. "and single sign-on to November, and tell Marcus and the board today",
      next = "launch_day",
      score = { launch = 3, roadmap = 2 },
      effects = { morale = 5 },
      set = { "scope_cut" },
      feedback = function(game)
        local board = game.flags.date_promised
          and " Telling the board now, while you still keep the date you promised, is far "
            .. "cheaper than telling them after."
          or ""
        return "The date holds and the scope flexes: the must-haves ship, the rest is "
          .. "announced as coming. This is MoSCoW doing its job on a fixed date." .. board
      end },
    { "Ship everything on the date and fix the bugs afterwards",
      next = "launch_day",
      score = { launch = -2, roadmap = -1 },
      effects = { debt = 20, morale = -10 },
      set = { "shipped_buggy" },
      feedback = "Shipping on a fixed date with known quality problems, without deciding it "
              .. "openly, hands the bugs to 8,000 contractors and the weekend to your team." },
    { "Slip the launch four weeks and say nothing until it's certain",
      next = "launch_day",
      score = { launch = -3, negotiation = -1 },
      effects = { trust = -15 },
      set = { "slipped_silently" },
      feedback = "A silent slip is the worst of both: the booth is paid for, Marcus finds out "
              .. "from a customer, and every future date you give is discounted." },
    { "Bring Tomás and Marcus into one room and settle date against scope in the open",
      next = "slip_settle",
      score = { negotiation = 1 },
      feedback = "Getting the two sides of the trade-off into one room, before deciding, "
              .. "turns a hidden conflict into a visible one you can resolve." },
  },
}

scene "slip_settle" {
  title = "Date or Scope?",
  phase = "Launch",
  text = function(game)
    local duet = ""
    if game.duet then
      duet = "The Product Owner and the Product Manager picked differently. "
    end
    return duet .. "Tomás stands by the whiteboard: \"Quality isn't a dial you turn down "
      .. "for a trade show.\" Marcus, arms folded: \"Forty demos. The booth is paid for. "
      .. "Jobsite360 will be there.\"\n\n"
      .. "Both are right about something. The decision is yours to shape."
  end,
  choices = {
    { "Agree one rule together: the date holds, the scope flexes. List the must-haves "
      .. "together; what isn't done is announced as \"coming in November\"",
      next = "launch_day",
      score = { launch = 2, negotiation = 1 },
      effects = { morale = 5 },
      set = { "scope_cut" },
      feedback = "A rule both sides helped write survives the next argument. Tomás keeps "
              .. "quality, Marcus keeps his booth, and the trade-off is the team's, not "
              .. "yours alone." },
    { "Disagree and commit: Tomás calls quality, the launch moves four weeks, everyone "
      .. "backs it publicly and Marcus demos a preview",
      next = "launch_day",
      score = { launch = 1, negotiation = 1 },
      effects = { trust = -5 },
      set = { "slip_open" },
      feedback = "An open slip with a preview at the booth, backed by everyone, costs some "
              .. "trust and keeps all of your credibility. Marcus disagreed and committed; "
              .. "that is the whole point." },
    { "Let the louder argument win: Marcus keeps the date and the full scope",
      next = "launch_day",
      score = { launch = -2, negotiation = -1 },
      effects = { debt = 20, morale = -10 },
      set = { "shipped_buggy" },
      feedback = "Volume is not a decision rule. The team ships known bugs on a date it "
              .. "didn't choose, and learns that the loudest voice sets the scope." },
  },
}

scene "launch_day" {
  title = "Switch-On Day",
  phase = "Launch",
  text = function(game)
    local booth
    if game.flags.slip_open then
      booth = "ServiceCon came and went with a preview at the booth. Four weeks later, the "
        .. "real thing is ready."
    elseif game.flags.slipped_silently then
      booth = "ServiceCon came and went with the spring demo; Marcus heard about the slip "
        .. "from a customer. Four weeks later, the real thing is ready."
    elseif game.flags.shipped_buggy then
      booth = "Las Vegas. The booth is packed, and Tomás's team is fixing bugs from a hotel "
        .. "room."
    else
      booth = "Las Vegas. The booth is busy, and the live dispatch board on the big screen "
        .. "works."
    end
    if game.flags.debt_budget then
      booth = booth .. " The debt budget shows: not one sync problem in the beta."
    end
    return booth .. "\n\n"
      .. "Teams is ready to switch on. Tomás has a rollback switch wired in, \"just in "
      .. "case\". The last decision is how to turn it on."
  end,
  choices = {
    { "Staged roll-out: booth sign-ups and beta customers first, everyone else in two "
      .. "weeks, watching the activation numbers, with the rollback switch ready",
      act = function(game) game.flags.teams_live = true end,
      next = function(game)
        local answer = market_answer(game)
        if answer == "hit" then return "launch_hit" end
        if answer == "flop" then return "launch_flop" end
        return "launch_lukewarm"
      end,
      score = { launch = 2 },
      set = { "staged" },
      feedback = "A staged roll-out limits the blast radius of whatever you didn't find, and "
              .. "gives you two weeks of real data before the whole base sees it." },
    { "Switch it on for all {customers} customers at once, with a big announcement",
      act = function(game) game.flags.teams_live = true end,
      next = function(game)
        local answer = market_answer(game)
        if answer == "hit" then return "launch_hit" end
        if answer == "flop" then return "launch_flop" end
        return "launch_lukewarm"
      end,
      score = { launch = -1 },
      effects = { trust = 5 },
      feedback = "Great theatre, and every customer meets every bug at the same moment. "
              .. "Launching to everyone at once is a bet that you found them all." },
  },
}

-- The market's answer ("hit", "lukewarm" or "flop"): the launch decisions
-- set the odds, the seed decides.
function market_answer(game)
  local odds = 30
  if game.flags.segment_set then odds = odds + 15 end
  if game.flags.launch_brief then odds = odds + 5 end
  if game.flags.price_tested then odds = odds + 10 end
  if game.flags.gtm_plan then odds = odds + 10 end
  if game.flags.metrics_set then odds = odds + 5 end
  if game.flags.scope_cut then odds = odds + 5 end
  if game.flags.staged then odds = odds + 5 end
  if game.flags.market_sized or game.flags.slices then odds = odds + 5 end
  if game.flags.climacore_pilot then odds = odds + 5 end
  if game.flags.shipped_buggy then odds = odds - 20 end
  if game.flags.big_bang then odds = odds - 10 end
  if game.flags.slipped_silently then odds = odds - 10 end
  odds = odds - game.stats.debt // 4
  local roll = game.random(1, 100)
  if roll <= odds - 20 then return "hit" end
  if roll > odds + 30 then return "flop" end
  return "lukewarm"
end

scene "launch_hit" {
  title = "The Phones Ring",
  phase = "Launch",
  on_enter = function(game)
    if game.visits.launch_hit > 1 then return end
    game.flags.launch_hit = true
    game.stats.customers = game.stats.customers + 160
    game.stats.morale = game.stats.morale + 10
    update_revenue(game)
  end,
  text = function(game)
    local data = "The dashboard you set up before launch tells a quieter story too: a third of"
    if not game.flags.metrics_set then
      data = "Nobody set up a dashboard before launch, but support can count: a third of"
    end
    return "Three weeks after the switch-on: 160 new firms on Teams. Marcus rings a bell "
      .. "every time one signs; the office has asked him to stop. Revenue is ${revenue}k a "
      .. "month.\n\n"
      .. data .. " the new accounts haven't dispatched a single job yet. Support tickets are "
      .. "up fourfold, most of them about setting up technicians."
  end,
  choices = {
    { "Enjoy one evening, then put a team on onboarding: the tickets and the silent third "
      .. "are telling you where activation breaks",
      next = "roi_review",
      score = { launch = 3 },
      set = { "listened" },
      feedback = "After the launch, the work is listening: support tickets and the accounts "
              .. "that never activate are the cheapest research you will ever get. Growth "
              .. "that doesn't activate churns at renewal." },
    { "Say no to the flood of feature requests from the new accounts for a quarter: the "
      .. "goal is activation, and the team stays on onboarding",
      next = "roi_review",
      score = { launch = 2, vision = 1 },
      effects = { trust = -5 },
      set = { "listened" },
      feedback = "Success brings a hundred good ideas; saying no to them for a quarter keeps "
              .. "the team on the one problem the data shows. Some new customers will be "
              .. "disappointed; explain what you're fixing instead." },
    { "Pour fuel on it: hire six more salespeople this month",
      next = "roi_review",
      score = { launch = -1 },
      effects = { runway = -3 },
      feedback = "More sales into a funnel that leaks a third of its accounts fills the leak "
              .. "faster. Fix activation first, then scale the top of the funnel." },
    { "Start the next big thing while the buzz lasts: AI scheduling",
      next = "roi_review",
      score = { launch = -1, vision = -1 },
      feedback = "The launch isn't over when the press release is: moving the team to the "
              .. "next shiny thing leaves the new customers with the setup problems and no one "
              .. "to fix them." },
  },
}

scene "launch_lukewarm" {
  title = "Polite Applause",
  phase = "Launch",
  on_enter = function(game)
    if game.visits.launch_lukewarm > 1 then return end
    game.stats.customers = game.stats.customers + 70
    update_revenue(game)
  end,
  text = [[
Three weeks after the switch-on: 70 new firms on Teams. Not a flop; not what
Priya pictured. Revenue is ${revenue}k a month.

Only 38% of the new accounts have dispatched a job. The support queue says
setting up technicians takes "an afternoon, and a phone call". And the parts
catalogue, built in year one, is used by 4% of accounts and causes a fifth of
all tickets.]],
  choices = {
    { "Read every ticket and interview the 20 accounts that stalled; fix onboarding before "
      .. "anything else",
      next = "roi_review",
      score = { launch = 3 },
      set = { "listened" },
      feedback = "The data is telling you where value gets stuck: between signing up and "
              .. "dispatching a first job. Fix the leak before pouring more in." },
    { "Retire the parts catalogue with a migration path for the 4%, and give that team to "
      .. "onboarding",
      next = "roi_review",
      score = { launch = 2, vision = 1 },
      effects = { morale = 5 },
      set = { "listened" },
      feedback = "Killing what doesn't work is part of managing a product. A migration path "
              .. "and a clear message keep the 4% on side, and a whole team moves to the "
              .. "problem that matters." },
    { "Add the three features prospects mentioned most at the booth",
      next = "roi_review",
      score = { launch = -2 },
      feedback = "New features for prospects won't help the customers who already bought and "
              .. "can't get started. More product on a broken first step is more to be "
              .. "confused by." },
    { "Cut the price by 30% to speed up sales",
      next = "roi_review",
      score = { launch = -1 },
      set = { "cheap_price" },
      feedback = "Price isn't the problem the data shows; activation is. A discount brings "
              .. "more firms into the same setup wall, at a lower margin." },
  },
}

scene "launch_flop" {
  title = "Silence",
  phase = "Launch",
  on_enter = function(game)
    if game.visits.launch_flop > 1 then return end
    game.flags.launch_flop = true
    game.stats.customers = game.stats.customers + 15
    game.stats.trust = game.stats.trust - 10
    game.stats.morale = game.stats.morale - 10
    update_revenue(game)
  end,
  text = [[
Three weeks after the switch-on: 15 new firms. Jobsite360 announced a dispatch
board the same morning, at half your price. Support has 140 open tickets;
half of them say "confusing". Two existing customers have asked to cancel.

Priya hasn't said much. Ruth has asked for "a frank conversation".]],
  choices = {
    { "Stop the bleeding: roll Teams back to the beta firms, fix the top three problems "
      .. "with them, and relaunch with an exit criterion",
      next = "roi_review",
      score = { launch = 3 },
      effects = { morale = -5 },
      set = { "listened" },
      feedback = "A rollback is not a defeat; it is using the plan you should always have. "
              .. "Fixing with the firms that already believe in you gives you a relaunch "
              .. "story with evidence." },
    { "Cut Teams back to the dispatch board alone, retire the half-finished extras, and "
      .. "relaunch it with the beta firms who love it",
      next = "roi_review",
      score = { launch = 2, vision = 1 },
      effects = { morale = -5 },
      set = { "listened" },
      feedback = "Narrowing the product to what the believers use is saying no under pressure, "
              .. "and a simpler relaunch is easier to explain than a fixed one. The extras' "
              .. "authors will need to hear why." },
    { "Double the marketing budget to drown out Jobsite360",
      next = "roi_review",
      score = { launch = -2 },
      effects = { runway = -3 },
      feedback = "Spending to shout louder about a product people find confusing buys more "
              .. "confused customers. The problem is in the product, not the volume." },
    { "Tell the board sales pitched it wrong",
      next = "roi_review",
      score = { launch = -1, negotiation = -2 },
      effects = { morale = -10, trust = -5 },
      feedback = "Blame ends the learning and starts a feud. The launch belongs to everyone "
              .. "who planned it, the product person first." },
  },
}

-- The move from Launch to Scale: about a year passes (eight months of burn at
-- the new revenue). A tired team gets a scene of its own before the split.
after_launch = function(game)
  local broken = broke(game, 8, "crunch_scale")
  if broken == "crunch_scale" then return "crunch_scale" end
  if broken == "out_of_cash" then return "out_of_cash" end
  if broken == "exodus" then return "exodus" end
  if game.stats.morale < 45 then return "resignation" end
  return "the_split"
end

scene "roi_review" {
  title = "Was It Worth It?",
  phase = "Launch",
  by = "pm",
  text = function(game)
    local measure = " Ruth: \"Not the story. The numbers.\""
    if game.flags.vanity_metric then
      measure = " The measure chosen before launch, booth sign-ups, says 1,400. Ruth doesn't "
        .. "even look at it: \"Not the story. The numbers.\""
    end
    return "Three months after the launch, Priya and Ruth ask the question every launch "
      .. "owes an answer to: did Teams pay off?\n\n"
      .. "It cost about $1.1M: two teams for eight months, and $140k for Las Vegas. "
      .. "Fieldnote now has {customers} customers and ${revenue}k a month in revenue."
      .. measure
  end,
  choices = {
    { "Show the payback: Teams revenue by cohort, 90-day retention, acquisition cost "
      .. "against lifetime value, and what isn't working yet",
      next = after_launch,
      score = { launch = 3, negotiation = 1 },
      effects = { trust = 10 },
      feedback = function(game)
        if game.flags.metrics_set then
          return "Because you chose the metrics before launch, this is a report, not a "
            .. "defence. Showing what isn't working yet is what makes the rest believable."
        end
        return "The right numbers, though you're reconstructing some of them after the fact "
          .. "because nobody chose them before launch. Showing what isn't working yet is what "
          .. "makes the rest believable."
      end },
    { "Report against the product goal: how much job-to-invoice and dispatch time Teams "
      .. "saves firms, next to the revenue",
      role = "po",
      next = after_launch,
      score = { vision = 1, launch = 1 },
      effects = { trust = 5 },
      feedback = "Outcome over output: the goal is what the product changes for the firms, "
              .. "and revenue follows it. Ruth will still want the cohort numbers; bring them "
              .. "next time." },
    { "Show sign-ups, press mentions and booth traffic",
      next = after_launch,
      score = { launch = -2 },
      feedback = "Activity is not return. Ruth has seen a hundred decks of press mentions; "
              .. "she is asking whether $1.1M bought retained revenue." },
    { "Argue that return on investment is the wrong question for a platform bet",
      next = after_launch,
      score = { launch = -1, negotiation = -1 },
      effects = { trust = -10 },
      feedback = "Sometimes true for a long bet, but only if you said so before spending the "
              .. "money and named what would tell you it was working. Afterwards it sounds like "
              .. "an excuse." },
  },
}

scene "resignation" {
  title = "Tomás's Letter",
  phase = "Scale",
  text = [[
Tomás leaves an envelope on your desk on a Sunday evening. It isn't a
resignation, quite. "I haven't had a weekend since the Teams launch. Two of
my engineers are interviewing elsewhere. I don't know how long I can keep
saying it's temporary."

Team morale stands at {morale}. The company is about to reorganise for scale,
and nobody has asked the engineers what they need.]],
  choices = {
    { "Meet Tomás and the engineers, cut work in progress to one initiative per team for a "
      .. "quarter, and protect it from new requests",
      next = "the_split",
      score = { roadmap = 3 },
      effects = { morale = 20 },
      feedback = "Limiting work in progress is the fastest morale fix there is: fewer things "
              .. "in flight means things finish, and people can see the end of a week. Some "
              .. "stakeholders will hear \"not this quarter\"." },
    { "Offer retention bonuses to the engineers who are interviewing",
      next = "the_split",
      score = { negotiation = -1 },
      effects = { morale = 5, runway = -1 },
      feedback = "Money treats the symptom. They are leaving because of the workload, and a "
              .. "bonus keeps them a few more months in the same conditions." },
    { "Tell Tomás it's a phase: the split will fix it",
      next = function(game) return broke(game, 0, "crunch_scale") or "the_split" end,
      score = { roadmap = -1 },
      effects = { morale = -10 },
      feedback = "A reorganisation changes who decides, not how much work is in flight. "
              .. "Waiting for it to fix burnout is how you lose the people who know the code." },
  },
}

-- ------------------------------------------------------------ cash crunch
--
-- The first time the money runs out between phases, the company gets one
-- last decision instead of an ending. The three scenes differ only in their
-- phase label and where the company resumes.

-- Where a company that survives its crunch goes next.
local function after_crunch(game)
  if game.stats.morale <= 20 then return "exodus" end
  if game.visits.crunch_growth > 0 then return "growth_intro" end
  if game.visits.crunch_launch > 0 then return "launch_strategy" end
  if game.stats.morale < 45 then return "resignation" end
  return "the_split"
end

local function crunch_scene(id, phase)
  scene(id) {
    title = "Two Payrolls Left",
    phase = phase,
    text = [[
Priya closes the door of the meeting room. "We make payroll twice more,
{player}. Then we don't."

Ruth has agreed to one meeting, on Thursday. Marcus has a customer who might
prepay a year if the price is right. Team morale stands at {morale}.]],
    choices = {
      { "Cut to the core: pause hiring, stop all work that doesn't serve the objective, "
        .. "founders on half pay; take Ruth a three-month plan with the numbers",
        act = function(game)
          if game.random(1, 100) <= 65 then
            game.flags.crunch_bridge = true
            game.stats.runway = game.stats.runway + 6
          end
        end,
        next = function(game)
          if not game.flags.crunch_bridge then return "out_of_cash" end
          return after_crunch(game)
        end,
        score = { negotiation = 2, roadmap = 1 },
        effects = { morale = -5 },
        feedback = "A smaller plan with honest numbers is the only thing an investor can fund "
                .. "in a crunch: it shows you know what matters and what can stop. Even then, "
                .. "the answer may be no." },
      { "Get the prepayment at any price: a year up front at 60% off",
        act = function(game) game.stats.runway = game.stats.runway + 3 end,
        next = after_crunch,
        score = { negotiation = -2 },
        effects = { trust = -10, debt = 10 },
        feedback = "It buys three months by teaching one customer, and everyone they talk to, "
                .. "that your price drops 60% when you are desperate. Cash now, pricing power "
                .. "gone." },
      { "Keep going as planned: next month's pipeline looks good",
        next = "out_of_cash",
        score = { roadmap = -1, negotiation = -1 },
        feedback = "A pipeline is not a bank balance. Not deciding is deciding to run out; "
                .. "cutting scope and burn early is a product decision too." },
    },
  }
end

crunch_scene("crunch_growth", "Growth")
crunch_scene("crunch_launch", "Launch")
crunch_scene("crunch_scale", "Scale")
