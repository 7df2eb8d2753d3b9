-- tools/bench/gen.lua: writes one branching story twice, as a ScaleUp
-- scenario and as an ink story, for the benchmark (see docs/performance.md).
--
--   lua5.4 tools/bench/gen.lua OUTDIR NAME LAYERS WIDTH CHOICES [SEED [one-file]]
--
-- writes OUTDIR/main.lua (which includes OUTDIR/layerN.lua, one file per
-- layer, as an author of a large scenario would split it) and
-- OUTDIR/story.ink. The same seed always writes the same files. With
-- one-file, the layers are written into main.lua where it would include
-- them: the same scenario as one file, as an author who never split it has
-- it (the tools' walks of a file's text are measured on it).
--
-- The story: a start scene leads (a next function drawing from the run's
-- generator) to one of the WIDTH scenes of layer 1; every scene of layer L
-- offers CHOICES choices leading to scenes of layer L+1, and the last layer
-- leads to three endings chosen by a next function on the total score.
--   - each choice scores one of the four dimensions and changes one stat,
--     has a short feedback, and sometimes raises a flag;
--   - about one choice in four is conditional: on a stat (when) or on a
--     flag (requires); the first choice of a scene never is, so no scene is
--     a dead end;
--   - every scene text interpolates a stat;
--   - the first choice of scene j leads to scene j+1 of the next layer
--     (wrapping), so every scene is reachable.
-- Stats are unbounded in both versions, so that both compute the same
-- values (ink has no clamping of its own).

local outdir, name, layers, width, nchoices, seed, shape = ...
layers, width, nchoices = tonumber(layers), tonumber(width), tonumber(nchoices)
seed = tonumber(seed or "2024")
local one_file = shape == "one-file"
if not (outdir and name and layers and width and nchoices and seed) or layers < 1 or width < 1
    or nchoices < 1 or nchoices > 9 or (shape and not one_file) then
  io.stderr:write("usage: lua5.4 gen.lua OUTDIR NAME LAYERS WIDTH CHOICES [SEED [one-file]]\n")
  os.exit(2)
end

-- splitmix64: the same numbers on every Lua 5.4 (math.random is not
-- guaranteed to be).
local state = seed
local function rand(n) -- an integer in [1, n]
  state = state + 0x9e3779b97f4a7c15
  local z = state
  z = (z ~ (z >> 30)) * 0xbf58476d1ce4e5b9
  z = (z ~ (z >> 27)) * 0x94d049bb133111eb
  z = z ~ (z >> 31)
  return (z >> 1) % n + 1
end
local function pick(list) return list[rand(#list)] end

local dims = { "vision", "roadmap", "launch", "negotiation" }
local dim_names = { "Vision", "Roadmap", "Launch", "Negotiation" }
local stats = { { "budget", "Budget", 10 }, { "morale", "Team morale", 50 },
                { "trust", "Stakeholder trust", 50 } }
local nflags = math.max(2, math.min(16, layers * width // 8))

local subjects = { "The team", "Your lead developer", "A key customer", "The board",
  "Marketing", "The support desk", "An investor", "Your co-founder", "The designer",
  "Sales", "A new hire", "The largest client" }
local verbs = { "asks about", "worries about", "pushes for", "questions", "celebrates",
  "reviews", "doubts", "proposes", "argues over", "waits for" }
local objects = { "the roadmap", "the pricing page", "the next release", "the hiring plan",
  "the onboarding flow", "a new market", "the churn numbers", "the backlog",
  "the quarterly goals", "the beta programme", "the partner deal", "the support queue" }
local actions = { "Prioritise", "Delay", "Negotiate", "Test", "Ship", "Review", "Cut",
  "Fund", "Rethink", "Measure", "Simplify", "Announce" }
local feedbacks = { "The team notices the trade-off.", "It costs time but buys clarity.",
  "Stakeholders see a clear decision.", "A fair bet, openly made.",
  "Customers will feel this one.", "It keeps options open for now." }

local function sentence()
  return pick(subjects) .. " " .. pick(verbs) .. " " .. pick(objects) .. "."
end

-- One choice, as plain data both writers use.
local function make_choice(k, target, used)
  local c = {}
  repeat
    c.label = pick(actions) .. " " .. pick(objects)
  until not used[c.label]
  used[c.label] = true
  c.target = target
  c.dim = rand(4)
  c.points = rand(5) - 2 -- -1 .. 3
  c.stat = rand(3)
  c.delta = rand(11) - 6 -- -5 .. 5
  if c.delta == 0 then c.delta = 1 end
  c.feedback = pick(feedbacks)
  if rand(4) == 1 then c.set = rand(nflags) end
  -- About one choice in four is conditional, never the first.
  if k > 1 and rand(4 * (nchoices - 1)) <= nchoices then
    if rand(2) == 1 then
      c.when_stat = rand(3)
      c.when_min = stats[c.when_stat][3] + rand(7) - 4
    else
      c.requires = rand(nflags)
    end
  end
  return c
end

-- The whole story as data.
local function scene_id(l, j) return "s" .. l .. "_" .. j end
local scenes = {}
for l = 1, layers do
  for j = 1, width do
    local s = { id = scene_id(l, j), layer = l,
                title = pick(objects):gsub("^%l", string.upper) .. ", week " .. l,
                stat = rand(3), lines = { sentence(), sentence(), sentence() },
                choices = {} }
    local used = {}
    for k = 1, nchoices do
      local target
      if l == layers then
        target = nil -- the finale
      elseif k == 1 then
        target = scene_id(l + 1, j % width + 1)
      else
        target = scene_id(l + 1, rand(width))
      end
      s.choices[k] = make_choice(k, target, used)
    end
    scenes[#scenes + 1] = s
  end
end
local start = { id = "start", title = "Day one", stat = 1,
                lines = { sentence(), sentence(), sentence() }, choices = {} }
do
  local used = {}
  for k = 1, nchoices do start.choices[k] = make_choice(1, nil, used) end
end
-- Endings by total points: the expected total is about one point a choice.
local high = layers + 1 + math.floor(math.sqrt(layers))
local low = layers + 1 - math.floor(math.sqrt(layers))
local endings = {
  { "ending_high", "A company that scales", "success" },
  { "ending_mid", "Still growing", "mixed" },
  { "ending_low", "Back to the garage", "failure" },
}

local function write(path, text)
  local f = assert(io.open(path, "w"))
  f:write(text)
  f:close()
end

local function q(s) return string.format("%q", s) end

------------------------------------------------------------------ ScaleUp

local function lua_choice(c, next_code)
  local t = { "    { ", q(c.label), ",\n      next = ", next_code,
    ", score = { ", dims[c.dim], " = ", c.points, " }, effects = { ", stats[c.stat][1],
    " = ", c.delta, " },\n" }
  if c.set then t[#t + 1] = "      set = { \"f" .. c.set .. "\" },\n" end
  if c.requires then t[#t + 1] = "      requires = { \"f" .. c.requires .. "\" },\n" end
  if c.when_stat then
    t[#t + 1] = "      when = function(game) return game.stats." .. stats[c.when_stat][1] ..
      " >= " .. c.when_min .. " end,\n"
  end
  t[#t + 1] = "      feedback = " .. q(c.feedback) .. " },\n"
  return table.concat(t)
end

local function lua_scene(s, next_code)
  local t = { "scene ", q(s.id), " {\n  title = ", q(s.title), ",\n  text = [[\n",
    s.lines[1], " ", stats[s.stat][2], " stands at {", stats[s.stat][1], "}.\n\n",
    s.lines[2], " ", s.lines[3], "]],\n  choices = {\n" }
  for _, c in ipairs(s.choices) do
    t[#t + 1] = lua_choice(c, c.target and q(c.target) or next_code)
  end
  t[#t + 1] = "  },\n}\n\n"
  return table.concat(t)
end

local main = {}
main[#main + 1] = string.format([[
-- Generated by tools/bench/gen.lua %s %d %d %d %d: do not edit.
scenario {
  id = "bench-%s",
  title = "Benchmark, %s",
  summary = "%d layers of %d scenes, %d choices each.",
  start = "start",
  dimensions = {
]], name, layers, width, nchoices, seed, name, name, layers, width, nchoices)
for d = 1, 4 do
  main[#main + 1] = string.format("    { id = %q, name = %q },\n", dims[d], dim_names[d])
end
main[#main + 1] = "  },\n  roles = {\n    { id = \"po\", name = \"Product Owner\", " ..
  "brief = \"You decide what the team builds next.\" },\n  },\n  stats = {\n"
for _, st in ipairs(stats) do
  main[#main + 1] = string.format("    { id = %q, name = %q, start = %d },\n", st[1], st[2], st[3])
end
main[#main + 1] = "  },\n}\n\n"
-- The start scene's next: one scene of layer 1, from the run's generator.
local ids = {}
for j = 1, width do ids[j] = q(scene_id(1, j)) end
main[#main + 1] = "local function first_layer(game)\n  local first = { " .. table.concat(ids, ", ") ..
  " }\n  return first[game.random(1, #first)]\nend\n\n"
main[#main + 1] = lua_scene(start, "first_layer")
-- Where the layers go: their includes, or (one-file) their text, below.
local layers_at = #main + 1
for l = 1, layers do
  main[#main + 1] = string.format("include \"layer%d.lua\"\n", l)
end
main[#main + 1] = string.format([[

]])
for _, e in ipairs(endings) do
  main[#main + 1] = string.format([[
ending %q {
  title = %q,
  text = [[
The year ends with vision at {vision}, roadmap at {roadmap}, launch at {launch} and
negotiation at {negotiation}.]] .. "]]" .. [[,
  verdict = %q,
}

]], e[1], e[2], e[3])
end

-- The finale is written once per layer file, as a local function, so that
-- every layer file stands alone.
local finale = string.format([[
local function finale(game)
  local s = game.score
  local total = s.vision + s.roadmap + s.launch + s.negotiation
  if total >= %d then return "ending_high" end
  if total >= %d then return "ending_mid" end
  return "ending_low"
end

]], high, low)
local i = 1
for l = 1, layers do
  local t = { string.format("-- Layer %d of the benchmark story (generated).\n\n", l) }
  if l == layers then t[#t + 1] = finale end
  for _ = 1, width do
    t[#t + 1] = lua_scene(scenes[i], "finale")
    i = i + 1
  end
  if one_file then
    main[layers_at + l - 1] = table.concat(t)
  else
    write(string.format("%s/layer%d.lua", outdir, l), table.concat(t))
  end
end
write(outdir .. "/main.lua", table.concat(main))

---------------------------------------------------------------------- ink

local function signed(n)
  if n < 0 then return " - " .. -n end
  return " + " .. n
end

local function ink_knot(s, divert)
  local t = { "=== ", s.id, " ===\n", s.lines[1], " ", stats[s.stat][2], " stands at {",
    stats[s.stat][1], "}.\n", s.lines[2], " ", s.lines[3], "\n" }
  for _, c in ipairs(s.choices) do
    local cond = ""
    if c.requires then cond = "{f" .. c.requires .. "} " end
    if c.when_stat then cond = "{" .. stats[c.when_stat][1] .. " >= " .. c.when_min .. "} " end
    t[#t + 1] = "+ " .. cond .. "[" .. c.label .. "]\n"
    t[#t + 1] = "    ~ " .. dims[c.dim] .. " = " .. dims[c.dim] .. signed(c.points) .. "\n"
    t[#t + 1] = "    ~ " .. stats[c.stat][1] .. " = " .. stats[c.stat][1] .. signed(c.delta) .. "\n"
    if c.set then t[#t + 1] = "    ~ f" .. c.set .. " = true\n" end
    t[#t + 1] = "    " .. c.feedback .. "\n"
    t[#t + 1] = "    -> " .. (c.target or divert) .. "\n"
  end
  t[#t + 1] = "\n"
  return table.concat(t)
end

local ink = { string.format("// Generated by tools/bench/gen.lua %s %d %d %d %d: do not edit.\n",
  name, layers, width, nchoices, seed) }
for d = 1, 4 do ink[#ink + 1] = "VAR " .. dims[d] .. " = 0\n" end
for _, st in ipairs(stats) do ink[#ink + 1] = "VAR " .. st[1] .. " = " .. st[3] .. "\n" end
for f = 1, nflags do ink[#ink + 1] = "VAR f" .. f .. " = false\n" end
ink[#ink + 1] = "\n-> start\n\n"
ink[#ink + 1] = ink_knot(start, "first_layer")
-- One scene of layer 1 at random, as the start scene's next function does.
ink[#ink + 1] = "=== first_layer ===\n~ temp n = RANDOM(1, " .. width .. ")\n"
for j = 1, width do
  ink[#ink + 1] = "{ n == " .. j .. ": -> " .. scene_id(1, j) .. " }\n"
end
ink[#ink + 1] = "-> DONE\n\n"
for _, s in ipairs(scenes) do
  ink[#ink + 1] = ink_knot(s, "finale")
end
ink[#ink + 1] = string.format([[
=== finale ===
~ temp total = vision + roadmap + launch + negotiation
{ total >= %d: -> ending_high }
{ total >= %d: -> ending_mid }
-> ending_low

]], high, low)
for _, e in ipairs(endings) do
  ink[#ink + 1] = "=== " .. e[1] .. " ===\n" ..
    "The year ends with vision at {vision}, roadmap at {roadmap}, launch at {launch} and " ..
    "negotiation at {negotiation}.\n-> END\n\n"
end
write(outdir .. "/story.ink", table.concat(ink))
