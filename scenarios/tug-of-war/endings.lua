-- The six endings, chosen by final_ending() in main.lua from the shared
-- company state at the end of the quarter.

-- The goal's result in one sentence, for the endings.
local function goal_result(game)
  if game.flags.goal_retention then
    return "Projected first-month churn for the launch cohort, from its bank connections: "
      .. "{churn}%, against a target of 5%."
  elseif game.flags.goal_teams then
    return "Paying Teams accounts: {studios}, against a target of " .. teams_target(game) .. "."
  end
  return "Projected first-month churn {churn}%, {studios} Teams accounts, and no agreed target "
    .. "for either."
end

-- How the duet's disagreements were settled, in a sentence ("" solo, or
-- when the two never disagreed in a scene with a conflict scene).
local function how_settled(game)
  local st = game.stats
  local parts = {}
  local function say(n, one, many)
    if n == 1 then parts[#parts + 1] = one
    elseif n > 1 then parts[#parts + 1] = string.format(many, n) end
  end
  say(st.settled_open, "one was settled together, on the goal",
    "%d were settled together, on the goal")
  say(st.settled_owner, "one by its owner's call, the other committing in public",
    "%d by their owner's call, the other committing in public")
  say(st.settled_up, "one was handed up to Ines or the board", "%d were handed up to Ines or the board")
  say(st.settled_split, "one was split down the middle or left apart",
    "%d were split down the middle or left apart")
  say(st.settled_rule, "one was left to its owner's pick, without a talk",
    "%d were left to their owner's pick, without a talk")
  if #parts == 0 then return "" end
  local n = st.settled_open + st.settled_owner + st.settled_up + st.settled_split
    + st.settled_rule
  local head = n == 1 and "\n\nYou disagreed once this quarter: " or
    ("\n\nYou disagreed " .. n .. " times this quarter: ")
  if n == 1 then
    local only = parts[1]:gsub("^one was ", ""):gsub("^one ", "")
    return head .. only .. "."
  end
  return head .. table.concat(parts, "; ") .. "."
end

ending "one_product" {
  title = "One Product, One Goal",
  phase = "Review · Week 13",
  verdict = "success",
  text = function(game)
    return ("The board reads one page. " .. goal_result(game) .. " ARR: {arr}k€, NPS {nps}.\n\n"
      .. "What the board remembers is not the number but how you got there: the goal you "
      .. "agreed in week 1 settled the Bluepeak call, the hire and the side letter"
      .. ((game.stats.settled_up + game.stats.settled_split + game.stats.settled_rule == 0)
        and ", and every disagreement between product's two seats was settled in the open."
        or ".")
      .. (game.flags.joint_review and " Both your names are on the page." or "") .. " Ines "
      .. "asks you to run Q4's planning the same way, with the team in the room from day one.") .. how_settled(game)
  end,
}

ending "numbers_no_glue" {
  title = "Good Numbers, Tired Team",
  phase = "Review · Week 13",
  verdict = "mixed",
  text = function(game)
    return ("ARR reaches {arr}k€ and the board is pleased. " .. goal_result(game) .. "\n\n"
      .. "Inside, it feels different. Team focus is at {focus} and morale at {morale}: the "
      .. "developers got one direction from the sprint and another from sales, and learned to "
      .. "ask whichever of you would say yes. Marek books a one-to-one with Ines about "
      .. "\"how product works here\". The numbers are borrowed against next quarter.") .. how_settled(game)
  end,
}

ending "quiet_quarter" {
  title = "Busy, Not Better",
  phase = "Review · Week 13",
  verdict = "mixed",
  text = function(game)
    local opening = "Nothing broke, and nothing took off."
    if game.flags.held_back then
      opening = "The launch missed the summit by a week, and the board noticed."
    elseif game.flags.launch_hit then
      opening = "The summit went well, and some numbers moved."
    elseif game.flags.launch_flop then
      opening = "The summit stumbled, and the recovery took the rest of the quarter."
    end
    local spin = game.flags.spin
      and " A board member asks, on page two, for the number the pre-read left out." or ""
    local verdict
    if game.flags.goal_owned then
      verdict = "The goal held, but too many calls along the way were made for the week "
        .. "rather than for the goal, and the board's questions are all about those. Ines "
        .. "keeps both of you, and asks for fewer surprises in Q4."
    else
      verdict = "The board sees a lot of activity and no direction it could hold product to: "
        .. "the quarter's big calls were made one at a time, not by a goal. Ines keeps both "
        .. "of you, and asks for a Q4 goal that someone outside product could repeat."
    end
    return (opening .. " " .. goal_result(game) .. " ARR {arr}k€, NPS {nps}, stakeholder "
      .. "trust {trust}, team focus {focus}.\n\n" .. verdict .. spin) .. how_settled(game)
  end,
}

ending "their_roadmap" {
  title = "Bluepeak's Roadmap",
  phase = "Review · Week 13",
  verdict = "failure",
  text = function(game)
    local features, letter
    if game.flags.letter_crunch or game.flags.letter_dropped_goal then
      features = "Single sign-on went out in summit week; Bluepeak's approvals are late and "
        .. "half-built"
    else
      features = "Bluepeak's approvals and single sign-on are late and half-built"
    end
    if game.flags.letter_crunch or game.flags.letter_half then
      letter = ", and the team's weekends to a side letter"
    elseif game.flags.letter_dropped_goal then
      letter = ", and the goal's own work to a side letter"
    else
      letter = ""
    end
    return (features .. ", and its logo is on the board deck. " .. goal_result(game) .. "\n\n"
      .. "The last two sprints before the summit went to one customer's list" .. letter .. ". Tech "
      .. "debt stands at {debt}. Roxanne already has three studios asking "
      .. "for their own features \"like Bluepeak got\". The roadmap now belongs to "
      .. "whoever signs next.") .. how_settled(game)
  end,
}

ending "launch_wall" {
  title = "Into the Wall",
  phase = "Review · Week 13",
  verdict = "failure",
  text = function(game)
    return ("The summit was supposed to be the quarter's proof. Instead the forums remember "
      .. "the bank step that broke on stage week. NPS fell to {nps}. " .. goal_result(game)
      .. "\n\n"
      .. "Ines asks the question nobody could answer in week 10: who decided it was ready, "
      .. "and on what evidence? The board gives product one more quarter, with a monthly "
      .. "review.") .. how_settled(game)
  end,
}

ending "tug_of_war" {
  title = "Two Products, One Team",
  phase = "Review · Week 13",
  verdict = "failure",
  text = function(game)
    return ("By week 13 the team has two backlogs in all but name. Team focus: {focus}. "
      .. "Morale: {morale}. " .. goal_result(game) .. "\n\n"
      .. "Two senior developers resign in the same week and say the same thing in their exit "
      .. "interviews: they never knew which product person to believe. Ines merges the two "
      .. "product jobs again, under a new hire.") .. how_settled(game)
  end,
}
