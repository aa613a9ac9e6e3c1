import { Field, Float, Int, ObjectType } from 'type-graphql';
import { ImageFormat } from '../domain/enums';
import { Media } from '../entities/media.entity';
import { ImageRenditionValue } from '../readers/media.reader';
import { connectionTypes } from './connection.types';

@ObjectType({ description: 'A point of an image, each coordinate from 0 (left/top) to 1 (right/bottom).' })
export class FocalPoint {
  @Field(() => Float)
  x!: number;

  @Field(() => Float)
  y!: number;
}

@ObjectType({
  simpleResolvers: true,
  description: 'One stored size and format of an image; its url answers 200 with exactly these dimensions.',
})
export class ImageRendition implements ImageRenditionValue {
  @Field()
  url!: string;

  @Field(() => Int)
  width!: number;

  @Field(() => Int)
  height!: number;

  @Field(() => ImageFormat)
  format!: ImageFormat;

  @Field(() => Int)
  bytes!: number;
}

export const { Connection: MediaConnection } = connectionTypes(Media, 'Media');
