import { InitialSchema1732400000000 } from './1732400000000-initial-schema';
import { VideoTorrents1732500000000 } from './1732500000000-video-torrents';
import { SeederNodes1732600000000 } from './1732600000000-seeder-nodes';
import { Ledger1732700000000 } from './1732700000000-ledger';
import { Payments1732800000000 } from './1732800000000-payments';
import { Ads1732900000000 } from './1732900000000-ads';
import { AdServer1733000000000 } from './1733000000000-ad-server';
import { VideoMidrolls1733100000000 } from './1733100000000-video-midrolls';
import { VideoCategory1733200000000 } from './1733200000000-video-category';
import { MintAudit1733310000000 } from './1733310000000-mint-audit';
import { Search1733350000000 } from './1733350000000-search';
import { Channels1733400000000 } from './1733400000000-channels';
import { Engagement1733410000000 } from './1733410000000-engagement';
import { Comments1733420000000 } from './1733420000000-comments';
import { Library1733430000000 } from './1733430000000-library';
import { VideoCaptions1733440000000 } from './1733440000000-video-captions';
import { AudioItems1733450000000 } from './1733450000000-audio-items';
import { Podcasts1733460000000 } from './1733460000000-podcasts';
import { Support1733470000000 } from './1733470000000-support';
import { SearchFields1733480000000 } from './1733480000000-search-fields';
import { Covers1733490000000 } from './1733490000000-covers';

/** Every migration, in order. New ones are appended here. */
export const MIGRATIONS = [
  InitialSchema1732400000000,
  VideoTorrents1732500000000,
  SeederNodes1732600000000,
  Ledger1732700000000,
  Payments1732800000000,
  Ads1732900000000,
  AdServer1733000000000,
  VideoMidrolls1733100000000,
  VideoCategory1733200000000,
  MintAudit1733310000000,
  Search1733350000000,
  Channels1733400000000,
  Engagement1733410000000,
  Comments1733420000000,
  Library1733430000000,
  VideoCaptions1733440000000,
  AudioItems1733450000000,
  Podcasts1733460000000,
  Support1733470000000,
  SearchFields1733480000000,
  Covers1733490000000,
];
