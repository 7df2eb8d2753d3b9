-- The endings, and the function that picks one after the board call.
--
-- Failure can come early (out_of_cash, exodus: see broke() in main.lua);
-- new_chapter is the player walking away in the pay talk. The rest are
-- decided here from the company's state, with some luck.

-- Signals that the roadmap belongs to whoever shouts loudest.
local function factory_signals(game)
  local n = 0
  if game.flags.sales_led then n = n + 1 end
  if game.flags.date_promised then n = n + 1 end
  if game.flags.overpromised then n = n + 1 end
  if game.flags.hiring_spree then n = n + 1 end
  if game.flags.shipped_buggy then n = n + 1 end
  if game.flags.turf_war then n = n + 1 end
  if game.flags.split_teams then n = n + 1 end
  if game.flags.proxy_po then n = n + 1 end
  if game.flags.dated_everything then n = n + 1 end
  return n
end

-- The company's health at the Series A, roughly 0 to 130.
local function health(game)
  local s = game.stats
  local h = s.customers / 20 + s.revenue / 10 + s.trust / 5 + s.morale / 5 - s.debt / 5
  if game.flags.aligned then h = h + 10 end
  if game.flags.product_goal or game.flags.pm_focus then h = h + 5 end
  if game.flags.renewed then h = h + 5 end
  if game.flags.climacore_churned then h = h - 5 end
  return h + game.random(-10, 10)
end

function final_ending(game)
  if game.stats.runway <= 0 then return "out_of_cash" end
  if game.stats.morale <= 20 then return "exodus" end
  local h = health(game)
  local misaligned = game.flags.turf_war or game.flags.split_teams
  if h >= 95 and game.flags.aligned and not misaligned then return "category_leader" end
  if h >= 70 then
    if misaligned or not game.flags.aligned then return "acquired" end
    return "built_to_last"
  end
  if h >= 45 then
    if factory_signals(game) >= 2 then return "feature_factory" end
    return "plateau"
  end
  return "down_round"
end

-- A line about each package negotiated, for the endings that reach it: the
-- player's own solo, both in a duet.
local function one_package(game, r, whose)
  local salary = game.stats["salary_" .. r]
  if salary <= 0 then return "" end
  local f = function(name) return game.flags[name .. "_" .. r] end
  local how = f("written") and "in writing" or "on a handshake"
  local kind = " and a 15% bonus"
  if f("equity") then
    kind = " and options with double-trigger acceleration"
  elseif f("level") then
    kind = ", the senior level and a 15% bonus"
  elseif f("split") then
    kind = ", half the bonus and half the options"
  elseif salary == 138 then
    kind = " and 0.35% in options"
      .. (f("terms") and " on Sam's standard terms" or " on terms you never read")
  end
  return "\n\n" .. whose .. " package: $" .. salary .. "k base" .. kind .. ", " .. how .. "."
end

local function package(game)
  if game.duet then
    return one_package(game, "po", "The Product Owner's") .. one_package(game, "pm", "The Product Manager's")
  end
  return one_package(game, game.role, "Your own")
end

-- Options that turn into money in a sale: the player's own, solo.
local function has_options(game, r)
  local s = game.stats["salary_" .. r]
  return s == 138 or game.flags["split_" .. r] or game.flags["equity_" .. r]
end

local function career(game)
  if game.duet then return "" end
  if game.flags.career_po then
    return " You are on the path you chose: product ownership across a growing product area."
  elseif game.flags.career_pm then
    return " You are on the path you chose: product management, toward group PM."
  end
  return ""
end

ending "category_leader" {
  title = "Category Leader",
  verdict = "success",
  text = function(game)
    return "Northgate and a growth fund lead an $18M Series A. Ruth's memo to her partners "
      .. "quotes your sentence from the board call word for word, and then the numbers that "
      .. "prove it: {customers} customers, ${revenue}k a month, net revenue retention at "
      .. "118%.\n\n"
      .. "The PO/PM pairing on Dispatch becomes the model for the other three product areas. "
      .. "Jordan jokes that you two argue more than anyone in the building, and agree faster."
      .. career(game) .. package(game) .. "\n\n"
      .. "Gary Doyle still calls on Fridays, now and then, just to say he has nothing to do."
  end,
}

ending "built_to_last" {
  title = "Built to Last",
  verdict = "success",
  text = function(game)
    return "The Series A closes: $10M, on fair terms, after a longer roadshow than Priya "
      .. "wanted. Fieldnote has {customers} customers and ${revenue}k a month, and the "
      .. "numbers Ruth asked for are moving the right way, if not yet fast.\n\n"
      .. "The product organisation works: goals are outcomes, the backlog has an owner, the "
      .. "roadmap has a method, and conflicts get settled in a room instead of in the code."
      .. career(game) .. package(game)
  end,
}

ending "acquired" {
  title = "Sold",
  verdict = "mixed",
  text = function(game)
    local options = ""
    local r = game.duet and "po" or game.role
    if game.flags["equity_" .. r] then
      options = " Your options, with the double-trigger acceleration you negotiated, vest in "
        .. "full when Jobsite360 lets the Dispatch team go."
    elseif has_options(game, r) then
      options = " Your options convert on Sam's standard terms: no acceleration, because you "
        .. "never asked for it, so only the vested part is yours unless you stay on at "
        .. "Jobsite360."
    elseif game.stats["salary_" .. r] > 0 then
      options = " Your cash package was the safer bet; it paid out exactly as written."
    end
    return "The numbers were good enough to sell, not to raise on. Jobsite360 buys Fieldnote "
      .. "for $30M, about six times its annual revenue: a fair multiple for software growing "
      .. "this fast. The investors' preferences come back first; Ruth's fund roughly triples "
      .. "its seed money, and common shareholders share what is left.\n\n"
      .. "In the due diligence, Jobsite360's product lead asks who decides what Dispatch "
      .. "builds. Two people answer at the same time, with different names. Within a year "
      .. "the dispatch board is a tab inside Jobsite360's product, and the team that built it "
      .. "has scattered." .. options
  end,
}

ending "feature_factory" {
  title = "The Feature Factory",
  verdict = "mixed",
  text = function(game)
    return "The Series A closes, small and late. Fieldnote has {customers} customers and "
      .. "ships something every week, mostly whatever the last big customer or the last "
      .. "board meeting asked for.\n\n"
      .. "Revenue grows; retention doesn't. Tech debt stands at {debt}. Tomás says the code "
      .. "looks like a list of promises, and he is not wrong. The product does a great many "
      .. "things, and nobody can say in one sentence what it is for." .. package(game)
  end,
}

ending "plateau" {
  title = "The Long Plateau",
  verdict = "mixed",
  text = function(game)
    return "No Series A this year. Ruth calls it \"a good business, not yet a great one\". "
      .. "Fieldnote has {customers} customers and ${revenue}k a month: enough to live on, not "
      .. "enough to lead.\n\n"
      .. "Nothing went badly wrong. Several things went half right, and the compounding "
      .. "that a sharper goal, a tested price or a calmer launch would have bought never "
      .. "quite arrived." .. package(game)
  end,
}

ending "down_round" {
  title = "The Down Round",
  verdict = "failure",
  text = function(game)
    local why = game.flags.climacore_churned
      and "ClimaCore's departure took a slice of revenue and every enterprise reference with it. "
      or ""
    return why .. "The Series A prices Fieldnote below its seed extension: a down round. Priya cuts "
      .. "a fifth of the company on a Tuesday morning, including one of the Dispatch "
      .. "teams.\n\n"
      .. "Stakeholder trust stands at {trust}, morale at {morale}. The product still works, "
      .. "for the firms that figured it out; too many never did." .. package(game)
  end,
}

ending "out_of_cash" {
  title = "Out of Runway",
  verdict = "failure",
  text = [[
The money runs out before the next milestone does. Priya spends a month
trying to raise a bridge, then a month trying to sell, and finally signs an
asset sale to Jobsite360 for less than the angels put in.

The app keeps working for a while. Gary Doyle sends you a text: "Shame. It
gave me my Fridays back."

Runway is a product decision too: every month spent building the wrong thing,
or waiting for an investor who was never coming, came out of it.]],
}

ending "exodus" {
  title = "Empty Desks",
  verdict = "failure",
  text = [[
Tomás resigns on a Monday; three engineers follow within the month, and Hana
takes a job at a design agency. Team morale had sunk to {morale}.

Fieldnote still has customers and some money, but nobody left knows the sync
layer, and the backlog has nobody to build it. Priya starts hiring from
scratch, a year behind.

Product decisions land on people: every weekend, every unplanned promise,
every silent slip was paid for by the team.]],
}

-- Only the full run has the pay talks.
if CUT == "full" then
ending "new_chapter" {
  title = "The Other Offer",
  verdict = "mixed",
  text = [[
You thank Sam, and you mean it, and you take the Jobsite360 interview. It
becomes an offer: two weeks later you join Jobsite360 as a senior product
lead, at a package above your walk-away point.

Fieldnote goes on without you; Jordan takes over Dispatch. Walking away from
a deal below your floor is a legitimate outcome; here, a deal at your floor
existed until the $200k anchor closed the door. Whether leaving was the right
career move depends on what you wanted from the next three years.]],
}
end
