package nl.mboconnect.systemtests;

/** Who looks at the site: nobody signed in, or one of the realm's demo accounts (README, "Demo accounts"). */
enum Visitor {

    SIGNED_OUT("signed-out", null),
    SANNE("sanne", "sanne"), // vriend
    JORIS("joris", "joris"), // vriend, lid
    NOOR("noor", "noor"), // vriend, redacteur
    PIETER("pieter", "pieter"); // vriend, beheerder

    /** The name in failure lines and the screenshots' folder. */
    final String label;
    /** The account signed in with, or null. */
    final String username;

    Visitor(String label, String username) {
        this.label = label;
        this.username = username;
    }

    boolean signedIn() {
        return username != null;
    }
}
