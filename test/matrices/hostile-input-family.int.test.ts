import { hostileInputMatrix } from '../support/hostile-matrix.ts'

// A family member's own pages, posted by someone with no family session: their sign-in takes every hostile shape;
// the rest refuse them. What a signed-in family member may do is tried in src/features/family/isolation.int.test.ts.
hostileInputMatrix('family', "a family member's sign-in and own pages")
