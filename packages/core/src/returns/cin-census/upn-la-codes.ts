/**
 * The LA codes a UPN's characters 2–4 may hold (CIN census rule 1530). The DfE's logic for the rule:
 * "If <UPN> (N00001) present then characters 2-4 of <UPN> must be a valid post April 1998 LA code or a
 * recognised 'pseudo LA' code 001-005, 201-213, 301-320, 330-336, 340-344, 350-359, 370-373, 380-384,
 * 390-394, 420, 660-681, 701-708, 800-803, 805-808, 810-813, 815, 816, 820-823, 825, 826, 830, 831,
 * 835-837, 838-839, 840, 841, 845, 846, 850-852, 855-857, 860, 861, 865-896, 908, 909, 916, 919, 921,
 * 925, 926, 928, 929, 931, 933, 935-938, 940-941" (as quoted by data-to-insight's validator). A UPN is
 * issued once and kept, so codes of councils since merged (Dorset's 835, Northamptonshire's 855, …)
 * stay valid.
 */
const RANGES = `001-005 201-213 301-320 330-336 340-344 350-359 370-373 380-384 390-394 420 660-681 701-708 800-803 805-808
810-813 815 816 820-823 825 826 830 831 835-837 838-839 840 841 845 846 850-852 855-857 860 861 865-896 908 909 916 919
921 925 926 928 929 931 933 935-938 940-941`;

export const UPN_LA_CODES: ReadonlySet<string> = new Set(
  RANGES.split(/\s+/).flatMap((r) => {
    const [a, b = a] = r.split('-').map(Number) as [number, number?];
    return Array.from({ length: b - a + 1 }, (_, k) => String(a + k).padStart(3, '0'));
  }),
);
