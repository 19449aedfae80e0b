import { Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { IceServersService } from './ice-servers.service';

@ObjectType('IceServer', { description: 'One RTCIceServer: STUN URLs, or TURN URLs with a short-lived credential of their own' })
export class IceServerType {
  @Field(() => [String])
  urls: string[];
  @Field(() => String, { nullable: true, description: 'TURN only: `<expiry unix seconds>:<session or node id>`' })
  username?: string | null;
  @Field(() => String, { nullable: true, description: 'TURN only: base64 HMAC-SHA1 of the username with the TURN server secret' })
  credential?: string | null;
}

@ObjectType()
export class PeerIceServers {
  @Field(() => [IceServerType])
  iceServers: IceServerType[];
  @Field({ description: 'The TURN credential expires then: ask again before' })
  expiresAt: Date;
}

@Resolver()
export class IceServersResolver {
  constructor(private readonly ice: IceServersService) {}

  @Query(() => PeerIceServers, { description: "ICE servers for a peer node (a seeder's WebRTC wires), with a TURN credential of its own" })
  peerIceServers(): PeerIceServers {
    return this.ice.forNode();
  }
}
