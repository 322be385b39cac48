package gov.shaoxing.investment.liaison;

/** Which side of the 一对一 liaison a person is on. */
enum LiaisonRole {

	CITY_LEADER, CADRE

}
