-- Weeks 0-3: what each of you knows that the other doesn't (a private
-- scene each), the product goal (both decide), the backlog (the PO), the
-- roadmap for the board (the PM).

scene "po_brief" {
  title = "Marek's One-to-One",
  phase = "Plan · Week 0",
  by = "po",
  discuss = "What the PO heard from Marek: whose information is it, and who needed it before Friday?",
  text = function(game) return private_opening(game, "po") .. [[
Friday before the quarter, Marek Nowak, the CTO, closes the door. "Off the
record: two of the six worked three weekends on the sync engine. Sick days
doubled since June. One asked HR about going part-time. They'll give you
whatever you plan. That's the problem."

]] .. private_closing(game, "po") .. "The goal is set on Monday." end,
  choices = {
    { "Tell the PM before Monday, no names: capacity is part of choosing the goal",
      id = "tell_pm",
      next = "pm_brief",
      score = { negotiation = 1, vision = 1 },
      set = { "burnout_shared" },
      feedback = "The names stay with Marek; the fact belongs to the plan. A goal chosen "
              .. "without knowing the team's real capacity is chosen twice: once on Monday, "
              .. "once when people burn out." },
    { "Plan this quarter's sprints at 80% of velocity, and say no overtime, whatever comes",
      id = "cap_quietly",
      next = "pm_brief",
      score = { roadmap = 2, vision = 1 },
      effects = { morale = 5 },
      set = { "capacity_cap" },
      feedback = "Sustainable pace is the PO's to protect: the backlog is ordered against "
              .. "the capacity you really have. Done quietly, though, the PM will plan "
              .. "against the old velocity and be surprised in week 8." },
    { "Keep it in the team: it's Marek's people matter, and he told you in confidence",
      next = "pm_brief",
      score = { vision = -1 },
      set = { "burnout_hidden" },
      feedback = "Confidence covers who, not what. Keeping the capacity problem out of the "
              .. "goal talk means the PM argues for a plan the team cannot carry." },
    { "Push through to the summit in week 10, then give everyone a quiet sprint",
      next = "pm_brief",
      score = { roadmap = -2 },
      effects = { morale = -10 },
      set = { "burnout_hidden" },
      feedback = "Borrowing against people's evenings is a loan with interest: the quiet "
              .. "sprint after the summit rarely comes, and the summit is when you need "
              .. "them most." },
  },
}

scene "pm_brief" {
  title = "Ines, Off the Record",
  phase = "Plan · Week 0",
  by = "pm",
  discuss = "The CEO's promise and the sales quota: facts for the goal talk, or pressure to keep to yourself?",
  text = function(game) return private_opening(game, "pm") .. [[
Ines Carvalho, the CEO, on the phone from the airport: "Between us: I told
two board members Teams is our growth story. And Roxanne's team is at 60%
of quota; studio deals are how they get to a hundred."

]] .. private_closing(game, "pm") .. "The goal is set on Monday." end,
  choices = {
    { "Ask Ines what the board needs to see: growth it believes, or Teams by name?",
      next = "kickoff",
      score = { negotiation = 2, roadmap = 1 },
      set = { "ceo_interest" },
      feedback = "Interests behind the position: boards want growth they can believe; Teams "
              .. "is Ines's way of showing it. Knowing which gives the goal talk room to "
              .. "choose on evidence." },
    { "Bring both facts to Monday's goal talk, on the table beside the churn data",
      next = "kickoff",
      score = { negotiation = 2, vision = 1 },
      set = { "ceo_shared" },
      feedback = "The PO can't weigh what they can't see. The promise and the quota are "
              .. "real pressures on the goal; said openly they are inputs, kept back they "
              .. "become a hidden agenda." },
    { "Keep it to yourself, and steer Monday's goal talk toward Teams",
      next = "kickoff",
      score = { negotiation = -2 },
      set = { "ceo_hidden" },
      feedback = "You may be right about Teams, but a goal won by withholding the reason is "
              .. "a goal the PO will stop defending the first time it hurts." },
    { "Tell Roxanne her quota is safe: Teams will be this quarter's goal",
      next = "kickoff",
      score = { negotiation = -2, launch = -1 },
      set = { "ceo_hidden", "quota_promise" },
      feedback = "A promise about the goal before the goal exists: sales will sell it, and "
              .. "you will spend the quarter negotiating against your own word." },
  },
}

-- The kickoff's choices in listed order, for the conflict scene's text.
local KICKOFF = {
  { "retention, churn from 9% to 5%" },
  { "studios, 20 Teams accounts" },
  { "both, each priority one" },
  { "a quarter plan of five features" },
  { "retention at a holdable pace, Teams as Q4's story", needs = { "burnout_shared", "ceo_shared" } },
  { "let the team vote", role = "po" },
  { "take the goal Ines will put on her slide", role = "pm" },
  { "Teams sized to the team's pace, 10 studios", role = "pm", when = function(game)
      return game.flags.burnout_shared and (game.flags.ceo_shared or game.flags.ceo_interest)
    end },
}

scene "kickoff" {
  title = "One Goal by Friday",
  phase = "Plan · Week 1",
  by = "both",
  conflict = "goal_talk",
  on_enter = function(game) game.flags.market_question = false end,
  discuss = "Retention or Teams: what did each of you know that the other didn't, and did it change the goal?",
  text = function(game)
    local shared = ""
    if game.flags.burnout_shared then
      shared = shared .. " The PO has told the PM: the team is near its limit, and the plan "
        .. "must fit 80% of the old pace."
    end
    if game.flags.ceo_shared then
      shared = shared .. " The PM has told the PO: Ines promised the board Teams, and sales "
        .. "is at 60% of quota."
    elseif game.flags.ceo_interest then
      shared = shared .. " The PM has asked Ines what the board needs: \"Growth they believe. "
        .. "I said Teams because it's the story I had.\""
    end
    return "Monday, week 1 of the quarter at Tallybook: invoicing and bookkeeping for 6,800 "
      .. "freelancers and small studios, {arr}k€ a year. Ines wants *one* product goal from "
      .. "product by Friday, \"something the team can repeat\".\n\n"
      .. "Elif Demir, the designer, watched 11 people sign up: 7 gave up at \"connect your "
      .. "bank\", and 9% of new accounts cancel in their first month. Roxanne Blake, head of "
      .. "sales, has 14 studios in her pipeline asking for a Teams plan.\n\n"
      .. "The Freelance Summit in Lisbon is in week 10. The keynote slot is booked." .. shared
  end,
  choices = {
    { "Retention: first-month churn from 9% to 5%, by getting new accounts to a connected bank",
      next = "backlog",
      score = { vision = 3, roadmap = 1 },
      effects = { focus = 15 },
      set = { "goal_retention", "goal_owned" },
      feedback = "The PO's case: an outcome with a baseline and a target, grounded in what Elif "
              .. "watched, that fits a tired team, since it fixes what exists instead of building "
              .. "new. Right when the leak costs more than Teams earns; it leaves Ines's board "
              .. "story and Roxanne's quota to be answered, openly." },
    { "Studios: 20 paying Teams accounts by the board, 70% of their seats active weekly",
      id = "studios",
      next = "backlog",
      score = { vision = 1, launch = 2, negotiation = 1 },
      effects = { focus = 10, trust = 5 },
      set = { "goal_teams", "goal_owned" },
      feedback = "The PM's case: a real outcome with activation built in, a market that is "
              .. "asking, a board that was promised growth and a sales team that needs it. Right "
              .. "when the studios pay more than the leak costs; it pours accounts into an "
              .. "onboarding that loses most trials, so say openly that the leak waits." },
    { "Both: the onboarding fix and the Teams plan, each priority one",
      next = "backlog",
      score = { vision = -1, roadmap = -1 },
      effects = { focus = -10 },
      set = { "goal_split" },
      feedback = "Two priority ones is no priority: the team will choose between them every "
              .. "morning, without you. A goal exists to make that choice once, in the open." },
    { "A quarter plan of features for the board: bank connect v2, Teams, approvals, sign-on, receipts",
      next = "backlog",
      score = { vision = -2 },
      effects = { focus = -15, trust = 5 },
      set = { "goal_split" },
      feedback = "Ines gets a list she can show, and in week 13 nobody can say whether the "
              .. "quarter worked. Output over outcome: five features and no test for any of them." },
    { "Retention at the pace the team can hold, with Teams as the board's Q4 story, dated by the team",
      id = "paced_retention",
      requires = { "burnout_shared", "ceo_shared" },
      locked = "Needs both private facts on the table: the team's strain and Ines's promise",
      next = "backlog",
      score = { vision = 3, roadmap = 1, launch = 1, negotiation = 2 },
      effects = { focus = 15, trust = 5 },
      set = { "goal_retention", "goal_owned" },
      feedback = "The PO's case with both facts in view: the leak fixed at a pace the team can "
              .. "hold, and Ines's board story kept as Q4's, with a date the team gave. Right "
              .. "when a tired team and a leaking funnel are the bigger risk; it asks Roxanne to "
              .. "wait a quarter for her studios, so tell her why and when." },
    { "Let the team vote on the goal at Friday's sprint review",
      role = "po",
      next = "backlog",
      score = { vision = -1 },
      effects = { morale = 5, focus = -5 },
      set = { "goal_retention", "team_vote" },
      feedback = "Involving the team is right; handing them the decision is not. The PO owns "
              .. "the product goal: bring a proposal with its evidence and let them challenge it. "
              .. "The team votes for the leak they see in the tickets, and nobody owns why." },
    { "Take the goal Ines will put on her board slide: Teams, the bigger story",
      role = "pm",
      next = "backlog",
      score = { vision = -1, negotiation = -1 },
      effects = { trust = 5, focus = -5 },
      set = { "goal_teams", "ceo_goal" },
      feedback = "Aligning with the CEO matters, but a goal picked for a slide is a position, "
              .. "not a decision. Bring Ines the evidence for both and a recommendation she can "
              .. "challenge; that is what she asked product for." },
    { "Teams at the pace the team can hold: 10 paying studios, and Ines resets the board's number to it",
      id = "paced_teams",
      role = "pm",
      -- Ines resets her number only for a PM who knows what she needs: the
      -- promise put on the table, or her interest asked about.
      when = function(game)
        return game.flags.burnout_shared and (game.flags.ceo_shared or game.flags.ceo_interest)
      end,
      locked = "Needs the team's strain on the table, and Ines's promise shared or her interest known",
      next = "backlog",
      score = { vision = 2, roadmap = 1, launch = 2, negotiation = 3 },
      effects = { focus = 10, trust = 5 },
      set = { "goal_teams", "goal_owned", "teams_reset" },
      feedback = "The PM's case with both facts in view: the board was promised growth and "
              .. "sales needs studio deals, so Teams leads, sized to what a tired team can "
              .. "build, and Ines resets the board's number before it is missed. Right when "
              .. "studio revenue outweighs the leak; the onboarding fix waits, and the PO "
              .. "deserves to hear that trade-off said aloud." },
  },
}

scene "goal_talk" {
  title = "Two Goals on One Whiteboard",
  phase = "Plan · Week 1",
  -- One decision after the talk: the product goal is the PO's, so the PO
  -- enters what the two agreed, or decides and says why.
  by = "po",
  on_enter = function(game)
    game.flags.market_question = false
    -- Remember the PO's pick at the kickoff, for "disagree and commit".
    local i = pick_index(game, KICKOFF, "po")
    game.flags.po_wants_retention = (i == 1 or i == 5 or i == 6)
    game.flags.po_wants_teams = (i == 2)
  end,
  text = function(game)
    return standoff(game, KICKOFF)
      .. "Thursday evening, one meeting room, one whiteboard. Marek Nowak, the CTO, leans in "
      .. "the doorway: \"Decide it once. Six developers can't serve two goals, and they will "
      .. "ask whichever of you says yes.\"\n\n"
      .. "The churn numbers and Roxanne's pipeline are both on the board. Ines wants one line "
      .. "tomorrow.\n\n*Talk it through first. Then the Product Owner, who owns the product "
      .. "goal, enters what you agreed, or decides and says why.*"
  end,
  choices = {
    { "On the same numbers: retention first, Teams next, reviewed in week 6",
      next = "backlog",
      score = { negotiation = 2 },
      effects = { focus = 15, morale = 5, settled_open = 1 },
      set = { "goal_retention", "goal_owned" },
      feedback = "Interests over positions: you both want growth the board believes in, and the "
              .. "numbers say the leak costs more than Teams earns this quarter. A review date "
              .. "for \"next\" turns the other case into a plan, not a defeat." },
    { "On the same numbers: Teams first, 10 studios at the team's pace, bank fixes for studios",
      next = "backlog",
      score = { negotiation = 2 },
      effects = { focus = 12, trust = 5, settled_open = 1 },
      set = { "goal_teams", "goal_owned", "teams_reset" },
      feedback = "One goal, settled on evidence, with the other's concern built into it rather "
              .. "than dropped: a target the team's pace can carry, which Ines takes to the "
              .. "board. Solo accounts still leak; you chose that openly, which makes it a "
              .. "trade-off and not an accident." },
    { "Disagree and commit: the PO decides the goal and says why; the PM backs it in public",
      next = "backlog",
      score = { negotiation = 1 },
      effects = { focus = 10, settled_owner = 1 },
      act = function(game)
        if game.flags.po_wants_teams then
          game.flags.goal_teams = true
          game.flags.goal_owned = true
        elseif game.flags.po_wants_retention then
          game.flags.goal_retention = true
          game.flags.goal_owned = true
        else
          game.flags.goal_split = true
        end
      end,
      feedback = function(game)
        if game.flags.goal_owned then
          return "The product goal is the PO's to own: the PM disagrees, says so, and "
            .. "commits in public. Less satisfying than a goal you both chose, but the team "
            .. "hears one goal, and the other case has a date to come back."
        end
        return "Disagree and commit needs something to commit to, and the PO's pick was not "
          .. "an outcome. The team gets a list, with both of your names under it."
      end },
    { "Take it to Ines tonight with both cases, and let the CEO choose between them",
      next = "backlog",
      score = { vision = -1, negotiation = -2 },
      effects = { trust = -5, settled_up = 1 },
      set = { "goal_teams", "ceo_goal" },
      feedback = "Escalating the first disagreement tells Ines her two product people can't "
              .. "agree a goal, and she picks the bigger story without your evidence. Escalate "
              .. "a trade-off you have written down, not a stalemate." },
    { "Split it: half the team on onboarding, half on Teams",
      next = "backlog",
      score = { vision = -2, negotiation = -2 },
      effects = { focus = -10, morale = -5, settled_split = 1 },
      set = { "goal_split" },
      feedback = "Splitting the difference by reflex feels fair and serves neither goal: two "
              .. "half-teams will show two half-features at the summit." },
    { "Each keeps their own: the PO sets the sprint goals, the PM the roadmap",
      next = "backlog",
      score = { vision = -2, negotiation = -3 },
      effects = { focus = -20, morale = -10, settled_split = 1 },
      set = { "goal_split", "two_goals" },
      feedback = "The tug-of-war at its worst: the team gets one goal from the sprint and "
              .. "another from the roadmap, and learns to ask whichever of you says yes." },
  },
}

scene "backlog" {
  title = "Ordering the Backlog",
  phase = "Plan · Week 2",
  by = "po",
  discuss = "Dark mode has 212 votes. What would you tell the people who voted for it?",
  text = function(game)
    local extra = ""
    if game.flags.criteria then
      extra = extra .. " Acceptance criteria for the bank step are written: Elif's designs, "
        .. "Marek's test cases, one definition of done."
    end
    if game.flags.team_vote then
      extra = extra .. " The team voted for the bank step, five to one. Nobody wrote down why."
    elseif game.flags.ceo_goal then
      extra = extra .. " The team heard the goal from Ines's slide, not from product."
    elseif game.flags.two_goals then
      extra = extra .. " Marek has two goal statements pinned above his desk."
    end
    if game.flags.capacity_cap then
      extra = extra .. " You planned at 80% of the old pace: 16 points a sprint, no overtime."
    end
    return "Sprint planning is Tuesday. Marek's six developers take about 20 points a sprint, "
      .. "and four two-week sprints remain before the summit. The top of the backlog, unordered:\n\n"
      .. "Bank-connect rework, 13 points. Teams plan (shared ledgers, roles), 21. Approval "
      .. "workflows, 13. Dark mode, 3, with 212 votes on the feature board. Sync-engine "
      .. "repairs, 8.\n\n"
      .. "The goal: " .. goal_words(game) .. "." .. extra
  end,
  choices = {
    { "Order by cost of delay over size (WSJF), measured against the goal",
      next = "roadmap_board",
      score = { roadmap = 3 },
      effects = { focus = 10 },
      set = { "wsjf" },
      feedback = function(game)
        if game.flags.goal_split then
          return "WSJF turns \"who asked loudest\" into \"what does a week of waiting cost\". "
            .. "But with two goals you are measuring against two rulers, and the order will be "
            .. "argued again at every planning."
        end
        return "WSJF turns \"who asked loudest\" into \"what does a week of waiting cost\". "
          .. "Against one goal the order is easy to explain, and dark mode drops despite its "
          .. "212 votes."
      end },
    { "Dark mode first: 212 votes, 3 points, a quick win for NPS",
      next = "roadmap_board",
      score = { roadmap = -1 },
      effects = { nps = 2, focus = -5 },
      set = { "loud_order" },
      feedback = "Votes measure who uses the feature board, not value. A quick win is fine as "
              .. "filler; at the top of the backlog it says the backlog is a wish list." },
    { "Start a bit of everything, so every stakeholder sees progress on their item by the summit",
      next = "roadmap_board",
      score = { roadmap = -2 },
      effects = { morale = -10, focus = -10, debt = 5 },
      set = { "parallel" },
      feedback = "Five items in progress across six developers means nothing finishes before "
              .. "the summit. Limiting work in progress is how a team ships anything at all." },
    { "Write acceptance criteria for the top item with Elif and the developers first",
      role = "po",
      once = true,
      next = "backlog",
      score = { roadmap = 2 },
      effects = { morale = 5 },
      set = { "criteria" },
      feedback = "Criteria written with the designer and the developers keep design, building "
              .. "and testing in one flow: \"done\" means the same to all of them, and the "
              .. "sprint review has a test." },
    { "Put a euro figure on each item's cost of delay from churn and pipeline data, then order by it",
      role = "pm",
      next = "roadmap_board",
      score = { roadmap = 3, negotiation = 1 },
      effects = { focus = 10, trust = 5 },
      set = { "wsjf", "cod_numbers" },
      feedback = "The PM's best, and half of WSJF: the market's cost of waiting, in money. Ordering "
              .. "becomes arithmetic that Roxanne and Marek can check, not a matter of who "
              .. "argues best; the job sizes still have to come from the team." },
  },
}

scene "roadmap_board" {
  title = "The Roadmap for the Board",
  phase = "Plan · Week 3",
  by = "pm",
  discuss = "Roxanne wants a date, Marek fears one. What does a roadmap owe each of them?",
  text = function(game)
    local sprint
    if game.flags.cod_numbers then
      sprint = "The backlog is ordered by cost of delay in euros: the bank step leaks about "
        .. "4k€ of ARR a week, Teams defers about 2k€. Sprint one is on track."
    elseif game.flags.wsjf then
      sprint = "The backlog is ordered, a cost of delay beside each item, and sprint one is "
        .. "on track."
    elseif game.flags.loud_order then
      sprint = "Dark mode shipped on Thursday; the feature board already asks for the next "
        .. "vote winner."
    elseif game.flags.parallel then
      sprint = "Five items are in progress, and none is done."
    else
      sprint = "Sprint one is under way."
    end
    return "Ines wants a roadmap in the board pre-read by Thursday. Roxanne has one request: "
      .. "\"My studios ask one thing. *When.*\" Marek has another: \"Any date you write down, "
      .. "my team will read as a promise.\"\n\n"
      .. sprint .. " The summit is seven weeks away, and the team has estimated only the "
      .. "top of the backlog."
  end,
  choices = {
    { "Now / next / later, each line an outcome and its measure; dates only where estimated",
      next = "hal_call",
      score = { roadmap = 3, negotiation = 1 },
      effects = { trust = 5, focus = 5 },
      set = { "outcome_roadmap" },
      feedback = "An outcome roadmap tells the board what you are betting on and how you will "
              .. "know, and leaves the team room to find the best way. Roxanne gets a \"now\" "
              .. "and a \"next\", not a date she can sell yet: expect her to push." },
    { "A dated feature timeline for the year: the board and Roxanne want dates, and deserve them",
      next = "hal_call",
      score = { roadmap = -2 },
      effects = { trust = 10, morale = -5 },
      set = { "dated_roadmap" },
      feedback = "It looks confident and buys trust this week. Every date on it was promised "
              .. "before the team estimated, and each slip will read as a broken promise." },
    { "No roadmap this quarter: too much is uncertain to write down",
      next = "hal_call",
      score = { roadmap = -1, negotiation = -1 },
      effects = { trust = -10 },
      set = { "no_roadmap" },
      feedback = "Uncertainty is a reason to write the roadmap as bets with confidence levels, "
              .. "not to skip it. Without one, sales fills the gap with its own dates." },
    { "Write it with Roxanne and Marek in one room: her customers' problems, his estimates",
      role = "pm",
      next = "hal_call",
      score = { roadmap = 3, negotiation = 2 },
      effects = { trust = 10, morale = 5 },
      set = { "outcome_roadmap" },
      feedback = "The PM's best: a roadmap the head of sales and the CTO helped write is one they will defend. "
              .. "Roxanne hears what \"next\" depends on; Marek sees no date he didn't give." },
    { "Lead with the product goal and the team's forecast ranges; nothing dated they haven't sized",
      id = "goal_forecast",
      role = "po",
      next = "hal_call",
      score = { vision = 2, roadmap = 1 },
      effects = { focus = 5 },
      set = { "outcome_roadmap" },
      feedback = "The PO's best: the product goal, and forecasts as ranges the team "
              .. "gave (\"sprints 3 to 5\"), never promises. Right when the board's question is "
              .. "whether product is focused; it gives Roxanne nothing about \"next\", so "
              .. "expect her to fill that gap with her own dates unless someone answers it." },
    { "Send the board the ordered backlog: it is the truest plan there is",
      role = "po",
      next = "hal_call",
      score = { roadmap = -1 },
      effects = { trust = -5 },
      feedback = "The backlog is honest, but it is the team's working list, in points, not the "
              .. "board's story in outcomes. A board reading 113 items sees no strategy." },
  },
}
