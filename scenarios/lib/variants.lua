-- Helpers for cases whose variants change what the AI says.
--
--   local variants = include("variants")
--
--   variants.pick{ ai_right = "escalate", ai_wrong = "routine" }
--     -> a function(s) giving the value for the session's variant (the
--        `default` entry, if any, for variants not listed)
--
--   variants.advice(common, { ai_right = {...}, ai_wrong = {...} })
--     -> an advice table: keys in `common` are the same in every variant;
--        keys given per variant become functions of s.variant (falling back
--        to a `default` entry of per_variant, then to `common`). Use it for
--        counterbalanced cases, where half a cohort sees the AI right and
--        half sees it wrong at the same decision.
--
-- The functions read only s.variant, so sessions replay exactly.
local variants = {}

local function lookup(map, name)
  local value = map[name]
  if value == nil then value = map.default end
  return value
end

function variants.pick(map)
  return function(s)
    return lookup(map, s.variant)
  end
end

function variants.advice(common, per_variant)
  local out = {}
  for key, value in pairs(common) do out[key] = value end
  local keys = {}
  for _, fields in pairs(per_variant) do
    for key in pairs(fields) do keys[key] = true end
  end
  for key in pairs(keys) do
    local map = { default = common[key] }
    for name, fields in pairs(per_variant) do
      if fields[key] ~= nil then map[name] = fields[key] end
    end
    out[key] = variants.pick(map)
  end
  return out
end

return variants
