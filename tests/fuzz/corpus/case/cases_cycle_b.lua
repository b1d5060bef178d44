return include("cycle_a")
