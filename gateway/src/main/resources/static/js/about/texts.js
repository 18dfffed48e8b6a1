// The association's own pages: contact, privacy statement, accessibility statement. Each is a list
// of sections ({ heading, paragraphs }), in Dutch and in English.
export const PAGES = {
  contact: {
    nl: {
      title: 'Contact',
      lead: 'Vragen over MBO Connect, de vereniging of je account? We helpen je graag.',
      sections: [
        { heading: 'Mail ons', paragraphs: ['Stuur een bericht naar info@mboconnect.nl. We antwoorden binnen twee werkdagen.'] },
        {
          id: 'bel-mij-terug',
          heading: 'Bel mij terug',
          paragraphs: ['Liever even bellen? Onderaan elke pagina staat "Bel mij terug": laat daar je naam en telefoonnummer '
            + 'achter, met een moment dat je uitkomt, en we bellen je op een werkdag terug.'],
        },
        {
          heading: 'Over je account',
          paragraphs: ['Je naam en e-mailadres wijzig je zelf in je account bij het inloggen. Lukt inloggen niet, mail ons dan '
            + 'je naam en de school of het bedrijf waar je werkt.'],
        },
      ],
    },
    en: {
      title: 'Contact',
      lead: 'Questions about MBO Connect, the association or your account? We are glad to help.',
      sections: [
        { heading: 'Email us', paragraphs: ['Send a message to info@mboconnect.nl. We answer within two working days.'] },
        {
          id: 'bel-mij-terug',
          heading: 'Call me back',
          paragraphs: ['Rather talk on the phone? At the bottom of every page you find "Call me back": leave your name, phone '
            + 'number and a good moment there, and we call you back on a working day.'],
        },
        {
          heading: 'About your account',
          paragraphs: ['You change your name and email address yourself, in your account when you log in. If you cannot log '
            + 'in, email us your name and the school or company where you work.'],
        },
      ],
    },
  },
  // written from the registers of personal data (<service>/PERSONAL-DATA.md): each section names
  // the collections it tells about in `covers`, and PrivacyStatementTest checks that every
  // collection of every register is told about, and that nothing named here is missing from them
  privacy: {
    nl: {
      title: 'Privacyverklaring',
      lead: 'Welke gegevens MBO Connect van je bewaart, waarvoor, hoe lang, wie ze ziet, en wat je rechten zijn.',
      sections: [
        {
          heading: 'Je account en je profiel',
          covers: ['membership/members', 'membership/member_photos'],
          paragraphs: [
            'Van je account: je naam, gebruikersnaam, e-mailadres en je rol (vriend, lid, redacteur, beheerder). Daarmee log je '
              + 'in en zie je wat voor jou bedoeld is. Beheerders zien ze; andere leden zien je naam.',
            'Wat je zelf over je vertelt: een naam om te tonen, je functie, je organisatie, je provincie, sectoren, thema\'s, een '
              + 'korte tekst en een foto. Per onderdeel kies je wie het ziet: alle leden, alleen leden van de vereniging, of '
              + 'alleen jij. Zo vinden collega\'s je in de ledenlijst.',
            'We bewaren dit zolang je account bestaat.',
          ],
        },
        {
          heading: 'Je lidmaatschap van de vereniging',
          covers: ['membership/members'],
          paragraphs: ['Vraag je het lidmaatschap aan, dan bewaren we je motivatie en organisatie, het besluit met de reden, en '
            + 'wie wanneer wat besloot. Jij en de beheerders zien dat. We bewaren het zolang je account bestaat.'],
        },
        {
          heading: 'Groepen',
          covers: ['membership/groups', 'membership/group_members', 'events/group_memberships'],
          paragraphs: ['In welke groepen je zit, met je rol, je verzoek om erbij te komen en het besluit daarover. De '
            + 'moderatoren van de groep zien verzoeken en uitnodigingen; leden van de groep zien wie erin zit. Groepen die je '
            + 'maakt, met hun naam en beschrijving, zijn van de hele groep. Bijeenkomsten weten wie in welke groep zit, om '
            + 'bijeenkomsten voor een groep aan die groep te tonen.'],
        },
        {
          heading: 'Bel mij terug',
          covers: ['membership/callbacks'],
          paragraphs: ['Vraag je ons je terug te bellen, dan bewaren we je naam, telefoonnummer, het moment dat je uitkomt, je '
            + 'onderwerp en de notities van de beheerder die belt. Alleen beheerders zien het. Negentig dagen nadat het '
            + 'verzoek is afgehandeld, verwijderen we het.'],
        },
        {
          heading: 'Bijeenkomsten',
          covers: ['events/registrations', 'events/events', 'events/calendar_feeds'],
          paragraphs: [
            'Je aanmeldingen: voor welke bijeenkomst, je plaats (of plek op de wachtlijst), je gekozen deelsessie, je antwoorden '
              + 'op de vragen van die bijeenkomst en of je er was. Jij en de organisatoren van die bijeenkomst zien ze.',
            'Organiseer je een bijeenkomst of ben je uitgenodigd voor een besloten bijeenkomst, dan staat je naam daarbij; '
              + 'de organisatoren zien dat.',
            'Maak je een agenda-abonnement, dan bewaren we het geheime adres ervan tot je het intrekt op "Mijn aanmeldingen".',
          ],
        },
        {
          heading: 'Je naam in de andere onderdelen',
          covers: ['events/member_directory', 'knowledge/member_directory', 'polls/member_directory'],
          paragraphs: ['De bijeenkomsten, de kennisbank en de peilingen kennen je naam, zodat ze kunnen tonen wie iets '
            + 'organiseert of schreef. Verandert je naam, dan verandert die daar mee.'],
        },
        {
          heading: 'Wat het platform zelf bijhoudt',
          covers: ['membership/membership_counts', 'membership/handled_events', 'membership/member_erasures',
            'membership/erased_members', 'events/handled_events', 'events/erased_members', 'knowledge/handled_events',
            'knowledge/erased_members', 'polls/handled_events', 'polls/erased_members'],
          paragraphs: ['Aantallen vrienden en leden per provincie en functie, zonder namen, voor onze partners. En wat nodig is '
            + 'om elk bericht tussen de onderdelen precies één keer te verwerken, en om te onthouden dat een account is '
            + 'verwijderd: dat laatste alleen als een onleesbare code, niet je naam of je gegevens.'],
        },
        {
          heading: 'Cookies',
          paragraphs: ['We gebruiken alleen cookies die de site nodig heeft: een sessiecookie waarmee je ingelogd blijft '
            + '(MBO_SESSION), een beveiligingscookie tegen misbruik van formulieren (XSRF-TOKEN) en je taalkeuze (lang). '
            + 'Geen cookies van anderen, geen volgen.'],
        },
        {
          heading: 'Met wie we delen',
          paragraphs: ['Regionale partners (scholen, opleidingscentra) zien de openbare bijeenkomsten en hoe vol ze zijn, en '
            + 'aantallen vrienden en leden per provincie en functie; nooit wie zich aanmeldde of wie lid is. We verkopen of '
            + 'geven je gegevens aan niemand.'],
        },
        {
          id: 'je-rechten',
          heading: 'Je rechten: inzien, downloaden, verwijderen',
          paragraphs: [
            'Op "Mijn gegevens" download je alles wat het platform over je bewaart, in één bestand. Daar verwijder je ook je '
              + 'account: alle onderdelen verwijderen dan binnen een minuut je gegevens. Wat je voor anderen deed (een groep '
              + 'die je maakte, een bijeenkomst die je organiseerde) blijft, onder "Voormalig lid".',
            'Je mag ook je gegevens laten verbeteren en bezwaar maken: mail info@mboconnect.nl. Ben je het niet eens met hoe '
              + 'we met je gegevens omgaan, dan kun je een klacht indienen bij de Autoriteit Persoonsgegevens.',
          ],
        },
      ],
    },
    en: {
      title: 'Privacy statement',
      lead: 'What MBO Connect keeps about you, what for, for how long, who sees it, and your rights.',
      sections: [
        {
          heading: 'Your account and your profile',
          covers: ['membership/members', 'membership/member_photos'],
          paragraphs: [
            'From your account: your name, username, email address and your role (friend, member, editor, administrator). With '
              + 'them you log in and see what is meant for you. Administrators see them; other members see your name.',
            'What you tell about yourself: a name to show, your function, your organisation, your province, sectors, themes, a '
              + 'short text and a photo. For each part you choose who sees it: all members, only members of the association, '
              + 'or only you. That is how colleagues find you in the member directory.',
            'We keep this as long as your account exists.',
          ],
        },
        {
          heading: 'Your membership of the association',
          covers: ['membership/members'],
          paragraphs: ['When you apply for membership we keep your motivation and organisation, the decision with its reason, '
            + 'and who decided what when. You and the administrators see it. We keep it as long as your account exists.'],
        },
        {
          heading: 'Groups',
          covers: ['membership/groups', 'membership/group_members', 'events/group_memberships'],
          paragraphs: ['Which groups you are in, with your role, your request to join and the decision on it. The group\'s '
            + 'moderators see requests and invitations; the group\'s members see who is in it. Groups you make, with their '
            + 'name and description, belong to the whole group. Events know who is in which group, to show a group\'s events '
            + 'to that group.'],
        },
        {
          heading: 'Call me back',
          covers: ['membership/callbacks'],
          paragraphs: ['When you ask us to call you back, we keep your name, phone number, the moment that suits you, your topic '
            + 'and the notes of the administrator who calls. Only administrators see it. Ninety days after the request is '
            + 'closed, we delete it.'],
        },
        {
          heading: 'Events',
          covers: ['events/registrations', 'events/events', 'events/calendar_feeds'],
          paragraphs: [
            'Your registrations: for which event, your place (or place on the waiting list), the breakout session you chose, '
              + 'your answers to that event\'s questions and whether you attended. You and that event\'s organisers see them.',
            'If you organise an event or are invited to a closed one, your name is with it; the organisers see that.',
            'If you make a calendar subscription, we keep its secret address until you revoke it on "My registrations".',
          ],
        },
        {
          heading: 'Your name in the other parts',
          covers: ['events/member_directory', 'knowledge/member_directory', 'polls/member_directory'],
          paragraphs: ['Events, the knowledge base and the polls know your name, so they can show who organises or wrote '
            + 'something. When your name changes, it changes there too.'],
        },
        {
          heading: 'What the platform keeps for itself',
          covers: ['membership/membership_counts', 'membership/handled_events', 'membership/member_erasures',
            'membership/erased_members', 'events/handled_events', 'events/erased_members', 'knowledge/handled_events',
            'knowledge/erased_members', 'polls/handled_events', 'polls/erased_members'],
          paragraphs: ['Numbers of friends and members per province and function, without names, for our partners. And what '
            + 'it needs to handle every message between the parts exactly once, and to remember that an account was '
            + 'deleted: the latter only as an unreadable code, not your name or your data.'],
        },
        {
          heading: 'Cookies',
          paragraphs: ['We use only the cookies the site needs: a session cookie that keeps you logged in (MBO_SESSION), a '
            + 'security cookie against misuse of forms (XSRF-TOKEN) and your choice of language (lang). No third-party '
            + 'cookies, no tracking.'],
        },
        {
          heading: 'Whom we share with',
          paragraphs: ['Regional partners (schools, training centres) see the public events and how full they are, and '
            + 'numbers of friends and members per province and function; never who registered or who is a member. We sell '
            + 'or give your data to nobody.'],
        },
        {
          id: 'je-rechten',
          heading: 'Your rights: see, download, delete',
          paragraphs: [
            'On "My data" you download everything the platform keeps about you, in one file. There you also delete your '
              + 'account: every part of the platform then deletes your data within a minute. What you did for others (a group '
              + 'you made, an event you organised) stays, under "Voormalig lid" (former member).',
            'You may also have your data corrected and object: email info@mboconnect.nl. If you disagree with how we handle '
              + 'your data, you can complain to the Dutch Data Protection Authority (Autoriteit Persoonsgegevens).',
          ],
        },
      ],
    },
  },
  toegankelijkheid: {
    nl: {
      title: 'Toegankelijkheid',
      lead: 'MBO Connect wil voor iedereen bruikbaar zijn: op een telefoon, met een toetsenbord, met een schermlezer.',
      sections: [
        {
          heading: 'Waar we aan werken',
          paragraphs: ['We bouwen de site volgens de Web Content Accessibility Guidelines (WCAG) 2.2, niveau AA, zoals de '
            + 'Nederlandse overheid dat van haar eigen sites vraagt.'],
        },
        {
          heading: 'Hoe we het toetsen',
          paragraphs: ['Bij elke wijziging controleren automatische tests elke pagina met axe-core, ingelogd en niet '
            + 'ingelogd, op een telefoon en op een groot scherm; en of elke pagina een titel, een hoofdinhoud en een link '
            + '"Naar de inhoud" heeft en nergens opzij scrolt. We bedienen de site met alleen een toetsenbord. Een toets door '
            + 'een onafhankelijke partij en een toegankelijkheidsverklaring in het register van de overheid volgen.'],
        },
        {
          heading: 'Wat nog niet goed is',
          paragraphs: ['Lange samengestelde woorden breken op een smalle telefoon soms op een plek die een mens niet zou '
            + 'kiezen. Zie je iets dat niet werkt, laat het ons weten.'],
        },
        {
          heading: 'Iets gevonden?',
          paragraphs: ['Mail info@mboconnect.nl met de pagina en wat er misgaat. We antwoorden binnen vijf werkdagen en '
            + 'zeggen wanneer het opgelost is.'],
        },
      ],
    },
    en: {
      title: 'Accessibility',
      lead: 'MBO Connect means to work for everyone: on a phone, with a keyboard, with a screen reader.',
      sections: [
        {
          heading: 'What we aim for',
          paragraphs: ['We build the site to the Web Content Accessibility Guidelines (WCAG) 2.2, level AA, as the Dutch '
            + 'government asks of its own sites.'],
        },
        {
          heading: 'How we check',
          paragraphs: ['With every change, automated tests check every page with axe-core, logged in and out, on a phone and '
            + 'on a large screen; and that every page has a title, a main part and a "Skip to content" link and never '
            + 'scrolls sideways. We use the site with a keyboard only. An audit by an independent party and an '
            + 'accessibility statement in the government\'s register will follow.'],
        },
        {
          heading: 'What is not right yet',
          paragraphs: ['On a narrow phone, long compound words sometimes break where a person would not break them. If you '
            + 'find something that does not work, let us know.'],
        },
        {
          heading: 'Found something?',
          paragraphs: ['Email info@mboconnect.nl with the page and what goes wrong. We answer within five working days and '
            + 'say when it is fixed.'],
        },
      ],
    },
  },
};
