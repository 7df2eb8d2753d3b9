-- The Growth phase of the tutorial: the backlog and a stakeholder pull.
-- Pulled in from main.lua with include "backlog.lua".

scene "backlog" {
  title = "Ordering the Backlog",
  phase = "Growth",
  by = "po",
  discuss = "Reminders or the one-button move Dr Okafor asked for: whose backlog is it?",
  text = function(game)
    local asked = ""
    if game.flags.sized then
      asked = "\n\nJonas's sizes: reminders 3 days, the move button 8, the waiting list 5, "
        .. "invoices 13."
    end
    return "Jonas can build one thing well in the next two weeks. On the list: SMS "
      .. "reminders, a waiting list, invoices, and the \"one button to move a patient\" "
      .. "that Dr Okafor asked for." .. asked
  end,
  choices = {
    { "Order by value over effort: reminders first, they cut no-shows fastest",
      id = "value_effort",
      next = "sales_call",
      score = { roadmap = 2 },
      feedback = "Value over effort, tied to the goal, is quick and easy to explain: right when "
              .. "the choice is obvious and time is short. It is not WSJF: without Jonas's "
              .. "sizes, the effort is your guess." },
    { "Start reminders and the waiting list side by side so two clinics see progress",
      id = "side_by_side",
      next = "sales_call",
      score = { roadmap = -2 },
      effects = { morale = -5 },
      feedback = "Two clinics see movement this week, which is why teams do it; but two "
              .. "half-built features deliver no value. Limiting work in progress is how a "
              .. "team of one finishes anything." },
    { "Write acceptance criteria for the reminders with Jonas before he starts",
      id = "criteria",
      role = "po",
      requires = { "validated" },
      once = true,
      next = "backlog",
      score = { roadmap = 1, launch = 1 },
      set = { "criteria" },
      feedback = "Acceptance criteria written with the developer keep design, building and "
              .. "testing in one flow: \"done\" means the same thing to both of you. It needs "
              .. "what the interviews taught you." },
    { "Put invoices first: every clinic you met hates its billing tool",
      id = "invoices",
      next = "sales_call",
      locked = "Needs interviews first",
      requires = { "validated" },
      score = { launch = 1 },
      feedback = "A real, validated pain and an easy sale: right if the goal were revenue per "
              .. "clinic. It is not the goal you set: invoices do not cut no-shows." },
    { "Ask Jonas to size the four items before you put them in any order",
      id = "ask_sizes",
      once = true,
      next = "backlog",
      score = { roadmap = 1 },
      set = { "sized" },
      feedback = "The PO orders the backlog; the developers size the work. Asking first costs a "
              .. "morning and scores little now, but it is the half of WSJF you cannot guess." },
    { "Order by cost of delay over Jonas's sizes: reminders, then the move",
      id = "wsjf",
      requires = { "sized" },
      locked = "Needs Jonas's sizes first",
      next = "sales_call",
      score = { roadmap = 4, negotiation = 1 },
      effects = { morale = 5 },
      feedback = "That is WSJF: the cost of delay (value, urgency, risk reduced) divided by the "
              .. "size Jonas gave. Reminders are small and stop no-shows now; the move button "
              .. "comes next. An order you can defend to Mara and to Dr Okafor." },
  },
}

scene "sales_call" {
  title = "The Big Chain",
  phase = "Growth",
  -- In a duet both answer; when they differ, they talk it out in chain_talk.
  by = "both",
  conflict = "chain_talk",
  discuss = "Forty clinics want video. What does saying yes cost the clinics you already have?",
  text = function(game)
    local ready = game.flags.criteria and " Thanks to the acceptance criteria, Jonas ships "
      .. "reminders two days early." or ""
    local pilot = game.flags.pilot and "\n\nDr Okafor's pilot data is in: no-shows at her "
      .. "clinic fell from 14% to 9% in three weeks." or ""
    local deck = game.flags.broad_pitch and " They saw video calls in your investor deck." or ""
    return "A chain of 40 clinics calls. They will sign if Nimbus adds video "
      .. "consultations by launch." .. deck .. ready .. pilot
  end,
  choices = {
    { "Say no to video for now, and show them the reminders roadmap",
      id = "say_no",
      next = "launch_day",
      score = { vision = 2, negotiation = 1 },
      effects = { trust = -5 },
      feedback = "Saying no to a good idea that does not serve the goal is the hardest part of "
              .. "owning a vision. Showing what is coming keeps the door open; it may still "
              .. "lose the deal." },
    { "Say yes: forty clinics would triple Nimbus before the seed round",
      id = "say_yes",
      next = "launch_day",
      score = { launch = 1, negotiation = 1 },
      effects = { users = 3, runway = -2, morale = -10 },
      set = { "chain_deal" },
      feedback = "Three times the clinics is a real prize, and right if video served the goal. "
              .. "It does not: the roadmap becomes the chain's, and the weeks go to video that "
              .. "the launch needed." },
    { "Show Mara the trade-off: video moves reminders two months; recommend no",
      id = "tradeoff",
      role = "pm",
      next = "launch_day",
      score = { negotiation = 2, roadmap = 1 },
      feedback = "\"If we add this, that moves\" turns a yes-or-no fight into a decision about "
              .. "priorities. The roadmap is the PM's: bring Mara the trade-off and a "
              .. "proposal, and decide. Handing her the choice hands the CEO your roadmap." },
    { "Offer the chain a paid pilot of reminders at ten of its clinics",
      id = "paid_pilot",
      requires = { "pilot" },
      when = function(game) return not game.flags.broad_pitch end,
      locked = "Needs pilot data of your own, and no video in your investor deck",
      next = "launch_day",
      score = { launch = 2, negotiation = 2 },
      effects = { users = 2, runway = 1 },
      feedback = "With Dr Okafor's numbers in hand, a paid pilot tests the price and the fit at "
              .. "once and keeps your roadmap yours. Without proof to show, it is only a discount." },
  },
}

scene "chain_talk" {
  title = "One Answer for the Chain",
  phase = "Growth",
  -- One decision after the talk: the roadmap is the PM's question.
  by = "pm",
  discuss = "Who owns the answer to the chain, and how did the one who did not decide commit?",
  text = function(game)
    local proof = game.flags.pilot
      and " Dr Okafor's numbers are on the table between you." or ""
    return "The Product Owner and the Product Manager answered the chain differently. Its "
      .. "buyer calls back at five, and Mara wants one answer from Nimbus, not two." .. proof
      .. "\n\nThe product goal is the PO's; the roadmap and the customer are the PM's."
      .. "\n\n*Talk it through. Then the Product Manager enters what you agreed, or decides "
      .. "and says why.*"
  end,
  choices = {
    { "Agree one answer: no video by launch, and show the chain what it would move",
      id = "one_answer",
      next = "launch_day",
      score = { negotiation = 2, roadmap = 1 },
      effects = { morale = 5 },
      act = function(game)
        -- With proof in hand, the one answer includes a paid pilot.
        if game.flags.pilot and not game.flags.broad_pitch then
          game.stats.users = game.stats.users + 2
          game.stats.runway = game.stats.runway + 1
        end
      end,
      feedback = "One answer, built on the goal you share and with the trade-off spelled out, "
              .. "is stronger than either first answer: the chain hears what video would move. "
              .. "With pilot numbers it can become a paid pilot; without them it may lose the deal." },
    { "Disagree and commit: the PM says no to video and why, and the PO backs it",
      id = "pm_decides",
      next = "launch_day",
      score = { negotiation = 1, roadmap = 1 },
      effects = { trust = -5 },
      feedback = "Disagree and commit works when the owner of the question decides and the "
              .. "other backs it in public. It is quicker than agreeing, and the doubt that was "
              .. "not talked out comes back at the next hard call." },
    { "Put both views to Mara tonight and let her decide for the company",
      id = "to_mara",
      next = "launch_day",
      score = { negotiation = -2 },
      effects = { users = 3, runway = -2, morale = -10 },
      set = { "chain_deal" },
      feedback = "Mara hears two product people who could not agree, and says yes to the "
              .. "revenue, the only number you gave her. Escalate a trade-off you have written "
              .. "down, not a stalemate: handing her the choice hands the CEO your roadmap." },
    { "Split the difference: promise the chain a video prototype by launch",
      id = "split",
      next = "launch_day",
      score = { negotiation = -2, roadmap = -1 },
      effects = { runway = -1, morale = -10 },
      feedback = "Half of each position is nobody's plan: the chain wanted video, not a "
              .. "prototype, and the weeks the prototype takes were the launch's. You "
              .. "negotiated against yourselves without asking what the chain needs." },
  },
}
