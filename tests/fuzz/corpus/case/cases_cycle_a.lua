return include("cycle_b")
