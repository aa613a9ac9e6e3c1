import { DemoPost } from './demo-types';

/** The features desk's demo posts. */
export const FEATURES_DESK: DemoPost[] = [
  {
    key: 'cafe-lumiere-opens',
    authorKey: 'priya',
    title: 'Café Lumière Brings Crêpes to the Old Customs House',
    excerpt:
      'After a decade behind a To Let sign, the Old Customs House on Quay Street is serving galettes, crêpes and very good coffee.',
    coverImageUrl: 'https://images.example.com/gazette/cafe-lumiere.jpg',
    tags: ['food', 'business'],
    status: 'PUBLISHED',
    publishedDaysAgo: 6,
    body: `<p>The Old Customs House on Quay Street has had many lives: tax office, sail loft, nightclub and, for most of the past decade, an empty shell with a "To Let" sign in the window. Since Saturday it has been Café Lumière, and on opening morning the queue reached the corner.</p>
<p>Owners Élodie Marchetti and Kwame Boateng met working in a hotel kitchen in Lyon and moved to Wrenport, where Kwame grew up, two years ago. They spent eighteen months restoring the ground floor, keeping the original flagstones and the iron scales once used to weigh cargo.</p>
<h2>On the menu</h2>
<ul>
<li>Buckwheat galettes with local smoked haddock and leeks.</li>
<li>Sweet crêpes with salted caramel made from Holm Island sea salt.</li>
<li>A short coffee list roasted by Driftwood Roasters on Anchor Street.</li>
</ul>
<p>"We wanted something that felt French but tasted of here," Élodie said, sliding a galette across the counter. "The fish is from the market across the road. The butter is from a farm twenty minutes away."</p>
<p>Prices are modest, with most galettes under £10, and there is a children's menu. The café is open Tuesday to Sunday from 8am until 4pm, with evening crêpe nights planned for Fridays from the spring.</p>
<p>The building's landlord, the Harbour Trust, said it was delighted to see the building back in use and hoped the café would draw more visitors to the western end of the quay.</p>`,
    comments: [
      {
        authorName: 'Ana Lucía Torres',
        body: 'Had the haddock galette on Sunday. Worth the queue. The salted caramel crêpe too, obviously.',
        status: 'APPROVED',
        hoursAfter: 30,
      },
      {
        authorName: 'Graham Pike',
        body: 'Lovely to see the Customs House with the lights on again. Is there step-free access?',
        status: 'APPROVED',
        hoursAfter: 50,
        replies: [
          {
            authorName: 'Café Lumière',
            body: "Hi Graham, yes: there's a ramp at the side door on Dock Lane and an accessible toilet. See you soon!",
            status: 'APPROVED',
            hoursAfter: 53,
          },
        ],
      },
    ],
  },
  {
    key: 'lantern-festival',
    authorKey: 'priya',
    title: 'Lantern Festival Draws Record Crowds to Quayside',
    excerpt:
      'Eighteen thousand people, nine hundred lanterns and one six-metre paper herring: the biggest Lantern Festival yet.',
    coverImageUrl: 'https://images.example.com/gazette/lantern-festival.jpg',
    tags: ['arts', 'community', 'music'],
    status: 'PUBLISHED',
    publishedDaysAgo: 12,
    featured: true,
    body: `<p>An estimated 18,000 people lined the harbour on Saturday night for the twelfth Wrenport Lantern Festival, the biggest crowd in the event's history.</p>
<p>The procession set off from the Market Hall at dusk, led by a six-metre paper herring made by pupils from four primary schools. Behind it came more than 900 handmade lanterns, a samba band, the Dockworkers' Choir and, new this year, a flotilla of lit rowing boats from the rowing club drifting alongside the quay.</p>
<blockquote>I've lived here forty years and I've never seen the harbour that full. You couldn't see the water for the lights. <strong>Bernadette Cole, spectator</strong></blockquote>
<h2>Behind the scenes</h2>
<p>The festival is run almost entirely by volunteers. Organiser Jonah Pryce said around 150 people had spent six weeks of evenings in the old net loft building frames from willow and tissue paper. Workshops were free, funded by a grant from the Harbour Trust and a bucket collection on the night.</p>
<p>Crowd management was tighter than in previous years after complaints about crushing near the Swing Bridge two years ago. Stewards closed the bridge to pedestrians for the hour of the procession, and a second viewing area was opened on the Fennick Point breakwater.</p>
<ul>
<li>Lost property can be collected from the Market Hall office until Friday.</li>
<li>Organisers are looking for volunteers for next year; workshops start in September.</li>
</ul>
<p>Photographs from the night are being collected for a community exhibition at the Fennick Gallery in the new year.</p>`,
    comments: [
      {
        authorName: 'Bernadette Cole',
        body: "That's me quoted! It really was the most beautiful night. The herring was magnificent.",
        status: 'APPROVED',
        hoursAfter: 4,
        replies: [
          {
            authorName: 'Jonah Pryce',
            body: 'Thank you Bernadette! The herring is currently hanging in the net loft if anyone wants to visit him. He still needs a name.',
            status: 'APPROVED',
            hoursAfter: 7,
          },
          {
            authorName: 'Sol Mirza',
            body: "Hector. The herring's name is obviously Hector.",
            status: 'APPROVED',
            hoursAfter: 9,
          },
        ],
      },
      {
        authorName: 'Mark T',
        body: 'Any chance of a quieter viewing area next year for people with sensory issues? My son loved the lanterns but the drums were too much for him.',
        status: 'PENDING',
        hoursAfter: 26,
      },
      {
        authorName: 'Zoë Hartmann',
        body: 'The lit rowing boats were the best new thing this year. Please keep them!',
        status: 'APPROVED',
        hoursAfter: 40,
      },
    ],
    relatedLinks: [{ targetKey: 'jazz-on-the-pier' }, { targetKey: 'gallery-reopening' }],
  },
  {
    key: 'gallery-reopening',
    authorKey: 'priya',
    title: "Fennick Gallery Reopens with Fishermen's Portraits",
    coverImageUrl: 'https://images.example.com/gazette/fennick-gallery.jpg',
    tags: ['arts', 'community'],
    status: 'PUBLISHED',
    publishedDaysAgo: 19,
    body: `<p>After fourteen months and £1.3m of building work, the Fennick Gallery on Chapel Row reopened on Friday with an exhibition that could hardly be more local: forty portraits of the men and women who have worked Wrenport's fishing fleet over the past half-century.</p>
<p><em>Hands and Weather</em> pairs paintings by the late Agnes Corrigan, who sketched on the quayside from the 1960s until her death in 2009, with new photographs of some of the same families today by Wrenport-born photographer Tobias Reyes.</p>
<p>The pairings are often striking. A 1974 oil of skipper Frank Doyle mending nets hangs beside Reyes's photograph of his granddaughter, Niamh, at the wheel of the same boat, now fitted with sonar and a satellite phone.</p>
<h2>The building</h2>
<p>The refurbishment has added a lift, a ground-floor learning room and a climate-controlled store, which means the gallery can borrow works from national collections for the first time. The leaking glass roof, a source of complaint for years, has been replaced.</p>
<p>Director Ines Kowalczyk said the opening show was chosen deliberately. "People in this town have been walking past this building for a year and a half wondering what was going on inside. We wanted the first thing they saw to be themselves."</p>
<p>Entry is free. <em>Hands and Weather</em> runs until the end of March.</p>`,
  },
  {
    key: 'jazz-on-the-pier',
    authorKey: 'priya',
    title: 'Jazz on the Pier Returns — With a Twist',
    excerpt: 'The summer concert series is adding a winter season, moving indoors to the Pier Pavilion.',
    source: 'Coastal Wire Service',
    tags: ['music', 'arts'],
    status: 'PUBLISHED',
    publishedDaysAgo: 35,
    body: `<p>Jazz on the Pier, the summer concert series that has filled the end of the North Pier with deckchairs for more than twenty years, is coming back next season. For the first time it will also run in winter, moving indoors to the Pier Pavilion from November to February.</p>
<p>The organisers, the Wrenport Jazz Society, say the change is partly about money and partly about musicians. "Players want work all year round, and audiences do too," said society chair Lionel Ashby. "We've spent two decades praying for dry Sunday afternoons. Now we'll have a roof."</p>
<h2>The line-up</h2>
<ul>
<li>The Tarran Valley Big Band opens the winter season.</li>
<li>Singer Rosa Delacroix returns with a programme of songs by women composers.</li>
<li>A monthly open jam session for local players, free to enter.</li>
</ul>
<p>Tickets for the indoor concerts will cost £12, with concessions at £8. The summer afternoon concerts remain free.</p>
<p>The Pavilion, which reopened last year after storm damage, seats about 220. Ashby admitted to some nervousness about whether audiences would follow the music inside. "Jazz by the sea in July sells itself," he said. "Jazz by the sea in January is a braver proposition."</p>`,
  },
  {
    key: 'choir-profile-draft',
    authorKey: 'priya',
    title: "The Dockworkers' Choir at Fifty",
    tags: ['music', 'community'],
    status: 'DRAFT',
    body: `<p>The Dockworkers' Choir was founded in 1975 by eleven men from the grain terminal who wanted something to do on a Tuesday night that wasn't the pub. Fifty years on, the docks have long since been automated, the grain terminal is flats, and the choir has sixty-two members, more than half of them women.</p>
<p>They still rehearse on Tuesdays, in the upstairs room of the Mariners' Institute, and they still finish every concert with "The Tarran Shore", a song written by founding member Alfie Broome about the river in flood.</p>
<p><em>Notes: interview with conductor Gwen Penhaligon booked for Thursday. Need archive photographs from the 1970s; ask the Institute.</em></p>
<h2>Anniversary concert</h2>
<p>The choir will mark its anniversary with a concert at St Columba's Church in the spring, joined by singers from Holm Island and from Wrenport's twin town. Former members have been invited to join in the final song, and the organisers expect the church to be full.</p>
<ul>
<li>Find out how many founding members are still living.</li>
<li>Check the concert date and ticket prices.</li>
</ul>`,
  },
  {
    key: 'winter-arts-programme',
    authorKey: 'priya',
    title: 'Winter Arts Programme: Our Pick of the Season',
    tags: ['arts', 'music'],
    status: 'SCHEDULED',
    publishedDaysAgo: -10,
    body: `<p>The nights are drawing in, but Wrenport's stages and galleries are busier than ever. Here is our pick of what's on between now and the end of February, from a brand-new comedy at the Lyric to candlelit quartets among the paintings.</p>
<h2>Theatre</h2>
<ul>
<li><strong>The Harbourmaster's Daughter</strong> at the Lyric, a new comedy by local writer Fintan Oduya about a family feud over a mooring.</li>
<li>The Tidewater Players' pantomime, <em>Dick Whittington and His Cat</em>, at the Mariners' Institute from mid-December.</li>
</ul>
<h2>Music</h2>
<ul>
<li>The first winter season of Jazz on the Pier, indoors at the Pier Pavilion.</li>
<li>The Dockworkers' Choir Christmas concert at St Columba's Church.</li>
<li>A late-night chamber series at the Fennick Gallery, with candlelit string quartets among the paintings.</li>
</ul>
<h2>Exhibitions</h2>
<p><em>Hands and Weather</em>, the gallery's portraits of the fishing fleet, continues until March. At the Central Library, a small but absorbing display of 1930s shipping posters is free to view during opening hours.</p>
<p>Know of something we've missed? Tell us through our <a href="https://harbourgazette.example.org/listings">listings page</a>.</p>`,
  },
];
