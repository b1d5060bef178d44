-- Model cards shared by fixture cases (found through include's lib/ rule).
return {
  cxr = { name = "ChestAI", version = "1", kind = "image classifier",
          performance = { sensitivity = 0.9 }, limitations = { "Adults only" } },
  sepsis = { name = "SepsisWatch", intended_use = "ED adults" },
}
