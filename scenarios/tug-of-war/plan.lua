-- Weeks 1-3: the product goal (both decide), the backlog (the PO), the
-- roadmap for the board (the PM).

-- The kickoff's choices in listed order, for the conflict scene's text.
local KICKOFF = {
  { "retention, churn from 9% to 5%" },
  { "studios, 20 Teams accounts" },
  { "both, each priority one" },
  { "a quarter plan of five features" },
  { "let the team vote", role = "po" },
  { "take the goal Ines will put on her slide", role = "pm" },
}

scene "kickoff" {
  title = "One Goal by Friday",
  phase = "Plan · Week 1",
  by = "both",
  conflict = "goal_talk",
  on_enter = function(game) game.flags.market_question = false end,
  text = [[
Monday, week 1 of the quarter at Tallybook: invoicing and bookkeeping for
6,800 freelancers and small studios, {arr}k€ a year. Ines Carvalho, the CEO,
calls from the airport: "Board in thirteen weeks. I want *one* product goal
from product by Friday. Something the team can repeat."

Elif Demir, the designer, watched 11 people sign up: 7 gave up at "connect
your bank", and 9% of new accounts cancel in their first month. Roxanne
Blake, head of sales, has 14 studios in her pipeline asking for a Teams plan.

The Freelance Summit in Lisbon is in week 10. The keynote slot is booked.]],
  choices = {
    { "Retention: cut first-month churn from 9% to 5% by getting new accounts to a connected bank",
      next = "backlog",
      score = { vision = 3, launch = 1 },
      effects = { focus = 15 },
      set = { "goal_retention", "goal_owned" },
      feedback = "An outcome with a baseline and a target, grounded in what Elif watched and in "
              .. "the churn data, with activation (a connected bank) as its leading measure. It "
              .. "also says what waits: Roxanne needs to hear why Teams is next quarter from you, "
              .. "not from the roadmap." },
    { "Studios: 20 paying Teams accounts by the board, 70% of their seats active weekly",
      next = "backlog",
      score = { vision = 2, launch = 1 },
      effects = { focus = 10, trust = 5 },
      set = { "goal_teams", "goal_owned" },
      feedback = "A real outcome, with activation built in so it can't be met by selling "
              .. "shelfware. But it pours new accounts into an onboarding that loses most "
              .. "trials: say openly that the leak waits a quarter, and why." },
    { "Both: the onboarding fix and the Teams plan, each priority one",
      next = "backlog",
      score = { vision = -1, roadmap = -1 },
      effects = { focus = -10 },
      set = { "goal_split" },
      feedback = "Two priority ones is no priority: the team will choose between them every "
              .. "morning, without you. A goal exists to make that choice once, in the open." },
    { "A quarter plan of features: bank connect v2, Teams, approvals, sign-on, receipts",
      next = "backlog",
      score = { vision = -2 },
      effects = { focus = -15, trust = 5 },
      set = { "goal_split" },
      feedback = "Ines gets a list she can show, and in week 13 nobody can say whether the "
              .. "quarter worked. Output over outcome: five features and no test for any of them." },
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
  },
}

scene "goal_talk" {
  title = "Two Goals on One Whiteboard",
  phase = "Plan · Week 1",
  on_enter = function(game)
    game.flags.market_question = false
    -- Remember the PO's pick at the kickoff, for "disagree and commit".
    local i = pick_index(game, KICKOFF, "po")
    game.flags.po_wants_retention = (i == 1 or i == 5)
    game.flags.po_wants_teams = (i == 2)
  end,
  text = function(game)
    return standoff(game, KICKOFF)
      .. "Thursday evening, one meeting room, one whiteboard. Marek Nowak, the CTO, leans in "
      .. "the doorway: \"Decide it once. Six developers can't serve two goals, and they will "
      .. "ask whichever of you says yes.\"\n\n"
      .. "The churn numbers and Roxanne's pipeline are both on the board. Ines wants one line "
      .. "tomorrow."
  end,
  choices = {
    { "Test both goals against the same numbers; agree retention first, Teams \"next\", reviewed in week 6",
      next = "backlog",
      score = { negotiation = 2 },
      effects = { focus = 15, morale = 5 },
      set = { "goal_retention", "goal_owned" },
      feedback = "Interests over positions: you both want growth the board believes in, and the "
              .. "numbers say the leak costs more than Teams earns this quarter. A review date "
              .. "for \"next\" turns the other case into a plan, not a defeat." },
    { "Test both goals against the same numbers; agree Teams first, with bank-connect fixes for studios",
      next = "backlog",
      score = { negotiation = 2 },
      effects = { focus = 12, trust = 5 },
      set = { "goal_teams", "goal_owned" },
      feedback = "One goal, settled on evidence, with the other's concern built into it rather "
              .. "than dropped. Solo accounts still leak; you chose that openly, which makes it a "
              .. "trade-off and not an accident." },
    { "Disagree and commit: the goal is the PO's call; the PM backs it in public, reviewed in week 6",
      next = "backlog",
      score = { negotiation = 1 },
      effects = { focus = 10 },
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
    { "Take it to Ines and let the CEO choose",
      next = "backlog",
      score = { vision = -1, negotiation = -2 },
      effects = { trust = -5 },
      set = { "goal_teams", "ceo_goal" },
      feedback = "Escalating the first disagreement tells Ines her two product people can't "
              .. "agree a goal, and she picks the bigger story without your evidence. Escalate "
              .. "a trade-off you have written down, not a stalemate." },
    { "Split it: half the team on onboarding, half on Teams",
      next = "backlog",
      score = { vision = -2, negotiation = -2 },
      effects = { focus = -10, morale = -5 },
      set = { "goal_split" },
      feedback = "Splitting the difference by reflex feels fair and serves neither goal: two "
              .. "half-teams will show two half-features at the summit." },
    { "Each keeps their own: the PO sets the sprint goals, the PM the roadmap",
      next = "backlog",
      score = { vision = -2, negotiation = -3 },
      effects = { focus = -20, morale = -10 },
      set = { "goal_split", "two_goals" },
      feedback = "The tug-of-war at its worst: the team gets one goal from the sprint and "
              .. "another from the roadmap, and learns to ask whichever of you says yes." },
  },
}

scene "backlog" {
  title = "Ordering the Backlog",
  phase = "Plan · Week 2",
  by = "po",
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
    { "Start a bit of everything so every stakeholder sees progress",
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
      score = { roadmap = 2, negotiation = 2 },
      effects = { focus = 10, trust = 5 },
      set = { "wsjf", "cod_numbers" },
      feedback = "The PM's half of WSJF: the market's cost of waiting, in money. Ordering "
              .. "becomes arithmetic that Roxanne and Marek can check, not a matter of who "
              .. "argues best; the job sizes still have to come from the team." },
  },
}

scene "roadmap_board" {
  title = "The Roadmap for the Board",
  phase = "Plan · Week 3",
  by = "pm",
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
    { "Now / next / later, each line an outcome with its measure; dates only where the team estimated",
      next = "hal_call",
      score = { roadmap = 3, negotiation = 1 },
      effects = { trust = 5, focus = 5 },
      set = { "outcome_roadmap" },
      feedback = "An outcome roadmap tells the board what you are betting on and how you will "
              .. "know, and leaves the team room to find the best way. Roxanne gets a \"now\" "
              .. "and a \"next\", not a date she can sell yet: expect her to push." },
    { "A dated feature timeline for the year: the board and Roxanne want dates",
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
      score = { roadmap = 2, negotiation = 3 },
      effects = { trust = 10, morale = 5 },
      set = { "outcome_roadmap" },
      feedback = "A roadmap the head of sales and the CTO helped write is one they will defend. "
              .. "Roxanne hears what \"next\" depends on; Marek sees no date he didn't give." },
    { "Send the board the ordered backlog: it is the truest plan there is",
      role = "po",
      next = "hal_call",
      score = { roadmap = -1 },
      effects = { trust = -5 },
      feedback = "The backlog is honest, but it is the team's working list, in points, not the "
              .. "board's story in outcomes. A board reading 113 items sees no strategy." },
  },
}
